/**
 * The regions without SageMaker Debugger: Python's `DEBUGGER_UNSUPPORTED_REGIONS`
 * (`sagemaker.fw_utils`), which the profiler's defaults use too.
 * @internal
 */
export const DEBUGGER_UNSUPPORTED_REGIONS: ReadonlySet<string> = new Set([
  'us-iso-east-1',
  'us-isob-east-1',
  'ap-southeast-3',
  'ap-southeast-4',
  'eu-south-2',
  'me-central-1',
  'ap-south-2',
  'eu-central-2',
  'us-gov-east-1',
]);
