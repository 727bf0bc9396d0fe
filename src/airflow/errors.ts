/** Typed errors of the Airflow DAG exporter. */
import { errorGuard, SageMakerWorkflowError } from '../errors.js';

/**
 * A value has no Python literal that means the same thing (NaN, a function, a cycle), or a DAG
 * option cannot be written for the provider's operators.
 */
export class PythonLiteralError extends SageMakerWorkflowError {
  override readonly name = 'PythonLiteralError';
  readonly code = 'PYTHON_LITERAL';

  constructor(
    /** Where the value sits in the config (`ResourceConfig.InstanceCount`). */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot write ${path || 'the value'} as a Python literal: ${reason}`);
  }
}
/** Guard for {@link PythonLiteralError}. */
export const isPythonLiteralError = errorGuard<PythonLiteralError>('PYTHON_LITERAL');

/**
 * A template stands where Airflow would hand the rendered string to the API: a number or boolean
 * member the provider's operator does not cast back (its `integer_fields`), or an object key
 * (Airflow renders dict values, never keys).
 */
export class AirflowTemplateError extends SageMakerWorkflowError {
  override readonly name = 'AirflowTemplateError';
  readonly code = 'AIRFLOW_TEMPLATE';

  constructor(
    readonly taskId: string,
    /** Path in the config, as validation reports it. */
    readonly path: string,
    readonly template: string,
    readonly reason: string,
  ) {
    super(`Task ${taskId}: ${path} holds the template ${JSON.stringify(template)}, but ${reason}`);
  }
}
/** Guard for {@link AirflowTemplateError}. */
export const isAirflowTemplateError = errorGuard<AirflowTemplateError>('AIRFLOW_TEMPLATE');

/** Task ids that clash, a reference to a task that is not in the DAG, or a dependency cycle. */
export class AirflowDependencyError extends SageMakerWorkflowError {
  override readonly name = 'AirflowDependencyError';
  readonly code = 'AIRFLOW_DEPENDENCY';

  constructor(
    readonly taskId: string,
    readonly reason: string,
  ) {
    super(`Task ${taskId}: ${reason}`);
  }
}
/** Guard for {@link AirflowDependencyError}. */
export const isAirflowDependencyError = errorGuard<AirflowDependencyError>('AIRFLOW_DEPENDENCY');
