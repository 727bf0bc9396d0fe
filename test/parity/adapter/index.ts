/** The whole adapter: every area's handlers in one place. */
import { caseSession, type Adapter } from '../runner.js';
import { airflowBuilds, airflowCalls, airflowThen, valueClasses } from './airflow.js';
import { imageUriCalls } from './imageUris.js';
import { amazonBuilds, amazonValueClasses } from './amazon.js';
import { frameworkBuilds } from './frameworks.js';
import { recordioCalls } from './recordio.js';
import { tuningBuilds, tuningCalls, tuningValueClasses } from './tuning.js';

export const adapter: Adapter = {
  calls: { ...airflowCalls, ...imageUriCalls, ...recordioCalls, ...tuningCalls },
  builds: { ...airflowBuilds, ...amazonBuilds, ...frameworkBuilds, ...tuningBuilds },
  values: { ...valueClasses, ...amazonValueClasses, ...tuningValueClasses },
  then: airflowThen,
  session: caseSession,
};
