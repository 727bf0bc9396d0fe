/**
 * Hyperparameter tuning jobs: the best training job SageMaker reports once the tuning completes,
 * named `<tuning job>-NNN-<8 hex>` as SageMaker names the jobs it launches.
 * @internal
 */
import { createHash } from 'node:crypto';
import { seconds as s, type Json } from './protocol.js';
import type { Resource } from './ResourceStore.js';
import type { Simulation } from './Simulation.js';

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

/** The `BestTrainingJob` member of a completed tuning job. @internal */
export function bestTrainingJob(sim: Simulation, tuning: Resource): Json {
  const name = tuningTrainingJobName(tuning.name, 1);
  return {
    BestTrainingJob: {
      TrainingJobName: name,
      TrainingJobArn: sim.store.arnOf('training', name),
      CreationTime: s(tuning.createdAt),
      TrainingJobStatus: 'Completed',
      TunedHyperParameters: {},
      FinalHyperParameterTuningJobObjectiveMetric: {
        MetricName: objectiveOf(tuning.request).MetricName,
        Value: BEST_OBJECTIVE_VALUE,
      },
    },
  };
}
