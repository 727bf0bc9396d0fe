/**
 * The versions and images Python's `fw_utils` lists for each distribution strategy (data only).
 * @internal
 */
/** Framework versions smdistributed data parallelism runs on, by framework (`SM_DATAPARALLEL_SUPPORTED_FRAMEWORK_VERSIONS`). */
export const SM_DATAPARALLEL_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  tensorflow: [
    '2.3',
    '2.3.1',
    '2.3.2',
    '2.4',
    '2.4.1',
    '2.4.3',
    '2.5',
    '2.5.0',
    '2.5.1',
    '2.6',
    '2.6.0',
    '2.6.2',
    '2.6.3',
    '2.7',
    '2.7.1',
    '2.8',
    '2.8.0',
    '2.9',
    '2.9.1',
    '2.9.2',
    '2.10',
    '2.10.1',
    '2.11',
    '2.11.0',
  ],
  pytorch: [
    '1.6',
    '1.6.0',
    '1.7',
    '1.7.1',
    '1.8',
    '1.8.0',
    '1.8.1',
    '1.9',
    '1.9.0',
    '1.9.1',
    '1.10',
    '1.10.0',
    '1.10.2',
    '1.11',
    '1.11.0',
    '1.12',
    '1.12.0',
    '1.12.1',
    '1.13.1',
    '2.0.0',
    '2.0.1',
    '2.1.0',
    '2.1.2',
    '2.2.0',
  ],
};
/** PyTorch versions torch_distributed runs on GPU instances. */
export const TORCH_DISTRIBUTED_GPU_VERSIONS = [
  '1.13.1',
  '2.0.0',
  '2.0.1',
  '2.1.0',
  '2.1.2',
  '2.2.0',
  '2.3.0',
  '2.3.1',
  '2.4.1',
  '2.5.1',
  '2.6.0',
  '2.7.1',
  '2.8.0',
];
/** PyTorch versions torch_distributed runs on Trainium instances. */
export const TRAINIUM_TORCH_DISTRIBUTED_VERSIONS = [
  '1.11',
  '1.11.0',
  '1.12',
  '1.12.0',
  '1.12.1',
  '1.13.1',
  '2.0.0',
];
/** The strategies smdistributed knows. */
export const SMDISTRIBUTED_STRATEGIES = ['dataparallel', 'modelparallel'];
/** DLC images SageMaker's parallelism libraries do not run on (Python's `UNSUPPORTED_DLC_IMAGE_FOR_SM_PARALLELISM`). */
export const SM_PARALLELISM_UNSUPPORTED_IMAGES = ['2.0.1-gpu-py310-cu121'];
