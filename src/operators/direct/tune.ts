/**
 * `tune`: Python's `HyperparameterTuner.fit(...)` — the default-bucket check, each tuned
 * estimator's code upload, role expansion per training definition and
 * CreateHyperParameterTuningJob.
 */
import { tuningJob, type TuningConfigOptions } from '../../config/tuningConfig.js';
import type { S3Upload } from '../../config/s3Operations.js';
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { HyperparameterTuner } from '../../estimators/tuner/HyperparameterTuner.js';
import type { TrainingRun } from '../../estimators/trainingRun.js';
import type { DirectTrainingSettings } from '../../direct/settings.js';
import {
  directTrainingDefinition,
  directTuningRequest,
  type DirectTunerSettings,
} from '../../direct/tuningDefinition.js';
import type { DirectSession } from './DirectSession.js';
import { codeKmsKey, uploadCode } from './uploadCode.js';
import { airflowCompatibleRecords } from '../../direct/algorithmFit.js';
import { tunedCode } from '../../direct/tunedCode.js';

/** Options of {@link tune}: the tuning options, and each estimator's `fit`-only settings. */
export interface TuneOptions extends TuningConfigOptions {
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
}

function ownerOf(
  runs: ReadonlyMap<AnyEstimator, TrainingRun>,
  upload: S3Upload,
): AnyEstimator | undefined {
  const uri = `s3://${upload.Bucket}/${upload.Key}`;
  for (const [estimator, run] of runs) if (run.uploadedCode?.s3Prefix === uri) return estimator;
  return runs.keys().next().value;
}

/** The names of the tuned hyperparameters (they are not static). */
function rangeNames(tuningConfig: unknown): Set<string> {
  const ranges = (tuningConfig as { ParameterRanges?: Record<string, { Name?: string }[]> })
    ?.ParameterRanges;
  return new Set(
    Object.values(ranges ?? {}).flatMap((list) =>
      (Array.isArray(list) ? list : []).map((r) => String(r.Name)),
    ),
  );
}

/**
 * Starts a tuning job as Python's tuner `fit` does.
 * @example
 * const { jobName } = await tune(direct, tuner, { inputs: 's3://bucket/train' });
 */
export async function tune(
  direct: DirectSession,
  tuner: HyperparameterTuner,
  options: TuneOptions = {},
): Promise<TuneResult> {
  const settingsOf = (name: unknown): [AnyEstimator, DirectTrainingSettings] => {
    const tuned = tuner.tuned.find((t) => t.name === name) ?? tuner.tuned[0];
    return [tuned.estimator, options.settings?.get(tuned.estimator) ?? {}];
  };
  const job = await direct.build(() =>
    tuningJob(tuner, { ...options, inputs: airflowCompatibleRecords(options.inputs) as never }),
  );
  const { S3Operations: ops, ...config } = job.config as Record<string, unknown> & {
    S3Operations?: { S3Upload?: readonly S3Upload[] };
  };
  let uploads = ops?.S3Upload ?? [];
  const first = tuner.tuned[0].estimator;
  const firstRun = job.runs.get(first);
  if (config.TrainingJobDefinition && firstRun) {
    const tuned = await direct.build(() =>
      tunedCode(
        first,
        firstRun,
        config.TrainingJobDefinition as Record<string, unknown>,
        options,
        rangeNames(config.HyperParameterTuningJobConfig),
      ),
    );
    config.TrainingJobDefinition = tuned.definition;
    uploads = tuned.uploads ?? uploads;
  }
  for (const upload of uploads) {
    const estimator = ownerOf(job.runs, upload) ?? first;
    await uploadCode(
      direct,
      estimator,
      upload,
      codeKmsKey(estimator, upload, job.runs.get(estimator)?.outputPath ?? ''),
    );
  }
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
  if (single)
    request.TrainingJobDefinition = {
      ...directTrainingDefinition(single, ...settingsOf(undefined)),
      RoleArn: await direct.expandRole(single.RoleArn),
    };
  const many = config.TrainingJobDefinitions as Record<string, unknown>[] | undefined;
  if (many) {
    const expanded: Record<string, unknown>[] = [];
    for (const d of many)
      expanded.push({
        ...directTrainingDefinition(d, ...settingsOf(d.DefinitionName)),
        RoleArn: await direct.expandRole(d.RoleArn),
      });
    request.TrainingJobDefinitions = expanded;
  }
  const { CreateHyperParameterTuningJobCommand } = await loadSageMakerSdk();
  await direct.clients.sagemaker.send(new CreateHyperParameterTuningJobCommand(request as never));
  return { jobName: String(request.HyperParameterTuningJobName), runs: job.runs, request };
}
