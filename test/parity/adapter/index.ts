/** The whole adapter: every area's handlers in one place. */
import { caseSession, type Adapter } from '../runner.js';
import { airflowBuilds, airflowCalls, airflowThen, valueClasses } from './airflow.js';

export const adapter: Adapter = {
  calls: { ...airflowCalls },
  builds: { ...airflowBuilds },
  values: { ...valueClasses },
  then: airflowThen,
  session: caseSession,
};
