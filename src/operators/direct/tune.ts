/**
 * `tune`: Python's `HyperparameterTuner.fit(...)` — the default-bucket check, each tuned
 * estimator's code upload, role expansion per training definition and
 * CreateHyperParameterTuningJob, then (with `wait`) the job waited for as the tuning operator
 * waits.
 */
import type { DescribeHyperParameterTuningJobResponse } from '@aws-sdk/client-sagemaker';
import { tuningJob, type TuningConfigOptions } from '../../config/tuningConfig.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import {
  checkNamedArgument,
  type HyperparameterTuner,
  type TunedEstimator,
} from '../../estimators/tuner/HyperparameterTuner.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import type { DirectTrainingSettings } from '../../direct/settings.js';
import {
  directTrainingDefinition,
  directTuningRequest,
  withMetricDefinitions,
  type DirectTunerSettings,
} from '../../direct/tuningDefinition.js';
import type { DirectSession } from './DirectSession.js';
import { readDataLocation } from './algorithmBucket.js';
import { codeKmsKey, uploadCode } from './uploadCode.js';
import { airflowCompatibleRecords } from '../../direct/algorithmFit.js';
import { tunedCode, tunedStaging, type TunedFit } from '../../direct/tunedCode.js';
import { waitForResource, type DirectWaitOptions } from './waitForDirectJob.js';

/**
 * Options of {@link tune}: the tuning options, each estimator's `fit`-only settings, and how to
 * wait (Python's tuner `fit` has no `logs`: a tuning job has no log stream of its own).
 */
export interface TuneOptions extends TuningConfigOptions, DirectWaitOptions {
  /** @default - none */
  readonly settings?: ReadonlyMap<AnyEstimator, DirectTrainingSettings>;
  /** The tuner keywords only `fit` sends. @default - none */
  readonly tunerSettings?: DirectTunerSettings;
}

/** What `tune` started. */
export interface TuneResult {
  readonly jobName: string;
  readonly runs: ReadonlyMap<AnyEstimator, TrainingRun>;
  readonly request: Record<string, unknown>;
  /** The job's final DescribeHyperParameterTuningJob output; `undefined` with `wait: false`. */
  readonly description?: DescribeHyperParameterTuningJobResponse;
}

/** The names of the tuned hyperparameters (they are not static). */
function rangeNames(ranges: unknown): Set<string> {
  return new Set(
    Object.values((ranges ?? {}) as Record<string, { Name?: string }[]>).flatMap((list) =>
      (Array.isArray(list) ? list : []).map((r) => String(r.Name)),
    ),
  );
}

const entryOf = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' && Object.hasOwn(value, name)
    ? (value as Record<string, unknown>)[name]
    : undefined;

/**
 * What each estimator is prepared with: the `fit` arguments for a single estimator; for several,
 * each one's entry of `inputs` and `miniBatchSize` (Python's `estimator_kwargs`).
 */
function tunedFits(
  tuner: HyperparameterTuner,
  options: TuneOptions,
): Map<TunedEstimator, TunedFit> {
  if (tuner.mode === 'single') {
    return new Map([
      [
        tuner.tuned[0],
        { inputs: options.inputs, jobName: options.jobName, miniBatchSize: options.miniBatchSize },
      ],
    ]);
  }
  // Python's `_fit_with_estimator_dict` checks the per-estimator arguments before it prepares any.
  const names = tuner.tuned.map((t) => t.name);
  checkNamedArgument('inputs', options.inputs, names);
  checkNamedArgument('includeClsMetadata', options.includeClsMetadata ?? false, names);
  checkNamedArgument('miniBatchSize', options.miniBatchSize, names);
  return new Map(
    tuner.tuned.map((t) => [
      t,
      {
        inputs: entryOf(options.inputs, t.name) ?? null,
        jobName: options.jobName,
        miniBatchSize: entryOf(options.miniBatchSize, t.name),
      },
    ]),
  );
}

/** The inputs as the Airflow builders take them (file-system record sets stand in as S3 ones). */
function compatibleInputs(tuner: HyperparameterTuner, inputs: unknown): unknown {
  if (tuner.mode === 'single' || inputs === null || typeof inputs !== 'object') {
    return airflowCompatibleRecords(inputs);
  }
  return Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, airflowCompatibleRecords(value)]),
  );
}

/**
 * Starts a tuning job as Python's tuner `fit` does and, unless `wait: false`, waits for it to end.
 * @throws while waiting, JobFailedError, JobStoppedError, WaiterTimeoutError or JobAbortedError
 *   (the operators' waiter).
 * @example
 * const { jobName, description } = await tune(direct, tuner, { inputs: 's3://bucket/train' });
 * // Python's tuner.fit(wait=False): start the job only
 * await tune(direct, tuner, { inputs: 's3://bucket/train', wait: false });
 */
export async function tune(
  direct: DirectSession,
  tuner: HyperparameterTuner,
  options: TuneOptions = {},
): Promise<TuneResult> {
  const fits = tunedFits(tuner, options);
  for (const tuned of tuner.tuned) await readDataLocation(direct, tuned.estimator);
  // Python parity A4 (docs/python-parity.md): the estimators are prepared one after the other
  // (in name order); each reads the default bucket if it has no output path (the first read
  // checks the bucket) and uploads its code before the next is prepared.
  for (const [tuned, fit] of fits) {
    const staged = await direct.build(() => tunedStaging(tuned.estimator, fit));
    for (const upload of staged.uploads) {
      await uploadCode(
        direct,
        tuned.estimator,
        upload,
        codeKmsKey(tuned.estimator, upload, staged.run.outputPath),
      );
    }
  }
  const job = await direct.build(() =>
    tuningJob(tuner, { ...options, inputs: compatibleInputs(tuner, options.inputs) as never }),
  );
  const { S3Operations: _airflowUploads, ...config } = job.config as Record<string, unknown>;
  const definitionFor = (
    tuned: TunedEstimator,
    definition: Record<string, unknown>,
    ranges: unknown,
  ): Record<string, unknown> => {
    const run = job.runs.get(tuned.estimator);
    const fit = fits.get(tuned) ?? {};
    const prepared = run
      ? tunedCode(tuned.estimator, run, definition, fit, rangeNames(ranges))
      : definition;
    return directTrainingDefinition(
      prepared,
      tuned.estimator,
      options.settings?.get(tuned.estimator) ?? {},
    );
  };
  // Python's `_prepare_tags_for_tuning`: the tuner's tags, then the first estimator's new ones.
  const estimatorTags = tuner.tuned[0].estimator.options.tags ?? [];
  let tags: Record<string, unknown>[] | undefined = tuner.tags ? [...tuner.tags] : undefined;
  if (tags === undefined && estimatorTags.length > 0) tags = [];
  for (const tag of estimatorTags)
    if (!tags?.some((t) => JSON.stringify(t) === JSON.stringify(tag))) tags?.push(tag);
  const request: Record<string, unknown> = directTuningRequest(config, {
    ...options.tunerSettings,
    tags: tags ?? null,
  });
  const single = config.TrainingJobDefinition as Record<string, unknown> | undefined;
  if (single) {
    const ranges = (config.HyperParameterTuningJobConfig as { ParameterRanges?: unknown })
      .ParameterRanges;
    request.TrainingJobDefinition = {
      ...definitionFor(tuner.tuned[0], single, ranges),
      RoleArn: await direct.expandRole(single.RoleArn),
    };
  }
  const many = config.TrainingJobDefinitions as Record<string, unknown>[] | undefined;
  if (many) {
    const expanded: Record<string, unknown>[] = [];
    for (const d of many) {
      const tuned = tuner.tuned.find((t) => t.name === d.DefinitionName) ?? tuner.tuned[0];
      expanded.push({
        // Python parity A4: metric definitions only for the estimators that have some.
        ...withMetricDefinitions(
          definitionFor(tuned, d, d.HyperParameterRanges),
          tuned.metricDefinitions,
        ),
        RoleArn: await direct.expandRole(d.RoleArn),
      });
    }
    request.TrainingJobDefinitions = expanded;
  }
  const { CreateHyperParameterTuningJobCommand } = await loadSageMakerSdk();
  const created = await direct.clients.sagemaker.send(
    new CreateHyperParameterTuningJobCommand(request as never),
  );
  const result = { jobName: String(request.HyperParameterTuningJobName), runs: job.runs, request };
  if (!(options.wait ?? true)) return result;
  const description = await waitForResource(
    direct,
    'tuning',
    result.jobName,
    (created as { HyperParameterTuningJobArn?: string } | undefined)?.HyperParameterTuningJobArn,
    options.waitOptions,
  );
  return { ...result, description };
}
