/**
 * The direct path: the Python SDK's own calls (`estimator.fit`, `Estimator.attach`,
 * `record_set`, `transformer(...).transform`, `deploy`, `tuner.fit`, `processor.run`) made
 * against AWS with the requests Python sends, for a task that runs the SDK itself (an Airflow
 * PythonOperator) rather than a config. Exported from `sagemaker-workflow/operators` as the
 * `direct` namespace; every call takes a {@link DirectSession}, which holds the clients.
 *
 * @example
 * import { TensorFlow } from 'sagemaker-workflow';
 * import { direct } from 'sagemaker-workflow/operators';
 * const session = new direct.DirectSession({ region, clients: { sagemaker, s3, sts } });
 * const tf = new TensorFlow({ session: session.session, entryPoint: 'train.py', ... });
 * // waits for the job as Python's fit does (pass `wait: false` to only start it)
 * const { jobName } = await direct.fit(session, tf, { inputs: 's3://bucket/train' });
 * const { estimator, run } = await direct.attach(session, TensorFlow, jobName);
 */
export { DirectSession, type DirectClients, type DirectSessionOptions } from './DirectSession.js';
export { fit, type FitOptions, type FitResult } from './fit.js';
export type { DirectLogsOption, DirectWaitOptions } from './waitForDirectJob.js';
export type { TrainingJobRequestOptions } from '../../direct/trainingJobRequest.js';
export type {
  DebuggerHookSettings,
  DirectTrainingSettings,
  ProfilerSettings,
  TensorBoardSettings,
} from '../../direct/settings.js';
export { attach, type Attached, type AttachOptions } from './attach.js';
export type { AttachableClass } from '../../direct/attachTargets.js';
export { waitForTrainingJob, type AttachWaitOptions } from './attachWait.js';
export {
  recordSet,
  type RecordBatch,
  type RecordSetInput,
  type RecordSetOptions,
  type RecordStream,
} from './recordSet.js';
export { modelTransformerFor, trainedTransformer } from './transformer.js';
export type {
  TrainedTransformerOptions,
  TransformerRequestOptions,
} from '../../direct/transformerRequests.js';
export type { TrainedModelOptions } from '../../direct/trainedModel.js';
export type { ModelCodeSettings } from '../../direct/modelContainer.js';
export { transform, type TransformOptions, type TransformResult } from './transform.js';
export type { TransformRequestOptions } from '../../direct/transformRequests.js';
export {
  deploy,
  deployTrained,
  trainedModelData,
  type DeployOptions,
  type Deployment,
  type TrainedDeployOptions,
} from './deploy.js';
export type { DeployRequestOptions, ServerlessSettings } from '../../direct/deployRequests.js';
export { dataCaptureConfig, type DataCaptureSettings } from '../../direct/deployDataCapture.js';
export { tune, type TuneOptions, type TuneResult } from './tune.js';
export type { DirectTunerSettings } from '../../direct/tuningDefinition.js';
export { run, type RunOptions, type RunResult } from './run.js';
export type {
  DirectProcessingSettings,
  ProcessingRunOptions,
} from '../../direct/processingJobRequest.js';
/** The error the direct calls throw for arguments Python refuses (also in the root entry). */
export { ValidationError, isValidationError } from '../../errors.js';
export {
  DefaultBucketPendingError,
  DirectCallError,
  isDefaultBucketPendingError,
  isDirectCallError,
} from './errors.js';
