/**
 * `attach`: Python's `<Estimator>.attach(training_job_name)` — DescribeTrainingJob, ListTags, the
 * estimator rebuilt from them (an algorithm's constructor checks the default bucket), then a wait
 * for the job to end. The result holds the estimator and its {@link TrainingRun}, so the model
 * builders (`transformer`, `deploy`, the Airflow `*FromEstimator` builders) work on it as on an
 * estimator this process trained.
 */
import type { Tag } from '@aws-sdk/client-sagemaker';
import { attachParams } from '../../direct/attachParams.js';
import { attachFlavor, type AttachableClass } from '../../direct/attachTargets.js';
import type { DirectTrainingSettings } from '../../direct/settings.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import { makeTrainingRun, type TrainingRun } from '../../estimators/trainingRun.js';
import { systemClock, type OperatorClock } from '../clock.js';
import { consoleLogger, type OperatorLogger } from '../logger.js';
import type { DirectSession } from './DirectSession.js';
import { readDataLocation } from './algorithmBucket.js';
import { tailTrainingJob, waitForTrainingJob } from './attachWait.js';

/** Options of {@link attach}. */
export interface AttachOptions {
  /**
   * The input channel whose data becomes the estimator's `modelUri` (`null`: none). XGBoost
   * ignores it, as Python does. @default 'model'
   */
  readonly modelChannelName?: string | null;
  /**
   * Tail the job's CloudWatch logs while waiting. @default - Python's: only XGBoost tails them
   */
  readonly logs?: boolean;
  /** Clock the wait sleeps on. @default - the system clock */
  readonly clock?: OperatorClock;
  /** Where the wait reports a `Stopped` job and the log lines. @default - the console */
  readonly logger?: OperatorLogger;
}

/** An estimator bound to an existing training job. */
export interface Attached<E extends AnyEstimator = AnyEstimator> {
  readonly estimator: E;
  /** The job's run: pass it as `from` to the model builders. */
  readonly run: TrainingRun;
  readonly jobName: string;
  /** The settings only `fit` sends, read back from the job (to train again alike). */
  readonly settings: DirectTrainingSettings;
  /** The job's tags (ListTags), which are also the estimator's. */
  readonly tags: readonly Tag[];
  /** The last DescribeTrainingJob output of the wait. */
  readonly description: Record<string, unknown>;
}

const DEFAULTS = { modelChannelName: 'model', pollSeconds: 5, logPollSeconds: 10 } as const;

/**
 * Attaches to training job `jobName` as `<target>.attach(jobName)` does in Python, waiting for it
 * to end.
 * @throws the errors of `attachParams` (a job of another framework, ...) and of the estimator's
 * constructor; `JobFailedError` when the job failed (a `Stopped` job only warns).
 * @example
 * const { estimator, run } = await attach(direct, TensorFlow, 'tf-2024-01-01-00-00-00-000');
 */
export async function attach<C extends AttachableClass>(
  direct: DirectSession,
  target: C,
  jobName: string,
  options: AttachOptions = {},
): Promise<Attached<InstanceType<C>>> {
  const flavor = attachFlavor(target);
  const { DescribeTrainingJobCommand, ListTagsCommand } = await loadSageMakerSdk();
  const job = (await direct.clients.sagemaker.send(
    new DescribeTrainingJobCommand({ TrainingJobName: jobName }),
  )) as unknown as Record<string, unknown>;
  const params = attachParams(
    job,
    flavor,
    options.modelChannelName === undefined ? DEFAULTS.modelChannelName : options.modelChannelName,
  );
  const listed = await direct.clients.sagemaker.send(
    new ListTagsCommand({ ResourceArn: String(job.TrainingJobArn) }),
  );
  const tags = listed.Tags ?? [];
  const Class = target as unknown as new (props: unknown) => InstanceType<C>;
  const estimator = await direct.build(
    () => new Class({ ...params.props, tags, session: direct.session }),
  );
  // Python's constructor checks the default bucket here (an algorithm's `data_location`).
  await readDataLocation(direct, estimator);
  const framework = flavor.kind === 'framework';
  const props = params.props;
  const run = makeTrainingRun(estimator, {
    jobName,
    outputPath: String(props.outputPath),
    baseJobName: String(props.baseJobName),
    uploadedCode: framework
      ? { s3Prefix: String(props.sourceDir), scriptName: String(props.entryPoint) }
      : undefined,
    hyperparameters: estimator.hyperparameters(),
    sourceDir: undefined,
  });
  const tail = options.logs ?? (framework && flavor.framework === 'xgboost');
  const wait = {
    clock: options.clock ?? systemClock,
    logger: options.logger ?? consoleLogger,
    pollSeconds: tail ? DEFAULTS.logPollSeconds : DEFAULTS.pollSeconds,
  };
  const description = tail
    ? await tailTrainingJob(direct, jobName, wait)
    : await waitForTrainingJob(direct, jobName, wait);
  return { estimator, run, jobName, settings: params.settings, tags, description };
}
