/**
 * `sagemaker-workflow/airflow`: DAG files for Airflow's Amazon provider that run the configs the
 * builders produce with its SageMaker operators.
 *
 * @module sagemaker-workflow/airflow
 */
export {
  toAirflowDag,
  AIRFLOW_DAG_DEFAULTS,
  type AirflowDag,
  type AirflowDagOptions,
  type AirflowTask,
  type AirflowWaitOptions,
} from './toAirflowDag.js';
export type { AirflowOperatorKind } from './operatorSpecs.js';
export { pythonLiteral, pythonString, type PythonLiteralOptions } from './pythonLiteral.js';
export {
  AirflowDependencyError,
  AirflowTemplateError,
  PythonLiteralError,
  isAirflowDependencyError,
  isAirflowTemplateError,
  isPythonLiteralError,
} from './errors.js';
