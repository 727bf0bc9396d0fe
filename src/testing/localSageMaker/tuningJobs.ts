/**
 * Hyperparameter tuning jobs: the best training job SageMaker reports once the tuning completes,
 * named `<tuning job>-NNN-<8 hex>` as SageMaker names the jobs it launches.
 * @internal
 */
import { createHash } from 'node:crypto';
import { seconds as s, type Json } from './protocol.js';
import { jobExists, type JobRun, type Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';
import { trainingRun } from './trainingRun.js';

/** The objective value the simulated best job reports. @internal */
export const BEST_OBJECTIVE_VALUE = 0.93;

/** Name of the `index`th (1-based) training job of a tuning job, as SageMaker names them. @internal */
export function tuningTrainingJobName(tuningJobName: string, index: number): string {
  const hash = createHash('sha256').update(`${tuningJobName}/${index}`).digest('hex').slice(0, 8);
  return `${tuningJobName}-${String(index).padStart(3, '0')}-${hash}`;
}

/** The objective metric a tuning request names, or SageMaker's default for built-ins. */
export function objectiveOf(request: Json): { MetricName: string; Type: string } {
  const config = (request['HyperParameterTuningJobConfig'] ?? {}) as Json;
  const objective = (config['HyperParameterTuningJobObjective'] ?? {}) as Json;
  return {
    MetricName:
      typeof objective['MetricName'] === 'string' ? objective['MetricName'] : 'validation:accuracy',
    Type: typeof objective['Type'] === 'string' ? objective['Type'] : 'Maximize',
  };
}

/** A value in the middle of each tuned range: what the simulated best job ran with. @internal */
export function tunedValues(tuningRequest: Json): Record<string, string> {
  const config = (tuningRequest['HyperParameterTuningJobConfig'] ?? {}) as Json;
  const ranges = (config['ParameterRanges'] ?? {}) as Json;
  const values: Record<string, string> = {};
  const mid = (r: Json): number => (Number(r['MinValue']) + Number(r['MaxValue'])) / 2;
  for (const r of (ranges['IntegerParameterRanges'] ?? []) as Json[]) {
    values[String(r['Name'])] = String(Math.round(mid(r)));
  }
  for (const r of (ranges['ContinuousParameterRanges'] ?? []) as Json[]) {
    values[String(r['Name'])] = String(mid(r));
  }
  for (const r of (ranges['CategoricalParameterRanges'] ?? []) as Json[]) {
    const first = (r['Values'] as unknown[] | undefined)?.[0];
    if (typeof first === 'string') values[String(r['Name'])] = first;
  }
  return values;
}

/** The request of the best training job, from the tuning job's definition. @internal */
export function bestTrainingRequest(tuning: Resource): Json {
  const definition = (tuning.request['TrainingJobDefinition'] ??
    (tuning.request['TrainingJobDefinitions'] as Json[] | undefined)?.[0] ??
    {}) as Json;
  const keep = [
    'AlgorithmSpecification',
    'RoleArn',
    'InputDataConfig',
    'OutputDataConfig',
    'ResourceConfig',
    'StoppingCondition',
    'VpcConfig',
  ];
  return {
    TrainingJobName: tuningTrainingJobName(tuning.name, 1),
    ...Object.fromEntries(keep.filter((k) => k in definition).map((k) => [k, definition[k]])),
    HyperParameters: {
      ...((definition['StaticHyperParameters'] ?? {}) as Json),
      ...tunedValues(tuning.request),
    },
    TuningJobArn: tuning.arn,
  };
}

/** The `BestTrainingJob` member of a completed tuning job. @internal */
export function bestTrainingJob(sim: Simulation, tuning: Resource): Json {
  const name = tuningTrainingJobName(tuning.name, 1);
  return {
    BestTrainingJob: {
      TrainingJobName: name,
      TrainingJobArn: sim.store.arnOf('training', name),
      CreationTime: s(tuning.createdAt),
      TrainingJobStatus: 'Completed',
      TunedHyperParameters: tunedValues(tuning.request),
      FinalHyperParameterTuningJobObjectiveMetric: {
        MetricName: objectiveOf(tuning.request).MetricName,
        Value: BEST_OBJECTIVE_VALUE,
      },
    },
  };
}

/**
 * A tuning job's run: its best training job trains on the definition's data (missing data fails
 * the tuning), and when the tuning completes that job exists, `Completed`, with its
 * `FinalMetricDataList` and (with a local S3 server) its `model.tar.gz`.
 * @internal
 */
export function tuningRun(sim: Simulation, tuning: Resource): JobRun {
  const request = bestTrainingRequest(tuning);
  const name = tuningTrainingJobName(tuning.name, 1);
  const run = trainingRun(sim, request, name);
  if (run?.failureReason !== undefined) {
    return {
      failureReason: `No training job succeeded after 5 attempts. Please take a look at the training job failures to get more details. (${name}: ${run.failureReason})`,
    };
  }
  return {
    completedFields: bestTrainingJob(sim, tuning),
    complete: () => {
      if (sim.store.of('training').has(name)) return;
      const job = sim.store.add(
        'training',
        name,
        request,
        tuning.createdAt,
        jobExists('Training job'),
      );
      const endAt = sim.clock.now();
      job.durationMs = Math.max(1, endAt - tuning.createdAt);
      job.run = {
        completedFields: {
          FinalMetricDataList: [
            {
              MetricName: objectiveOf(tuning.request).MetricName,
              Value: BEST_OBJECTIVE_VALUE,
              Timestamp: s(endAt),
            },
          ],
        },
      };
      job.settled = true;
      run?.complete?.();
    },
  };
}
