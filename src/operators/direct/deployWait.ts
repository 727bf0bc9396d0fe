/** Waiting on the direct path's endpoints and transform jobs with the operators' waiter. */
import type { WaitOptions } from '../options.js';
import { waitForJob } from '../waitForJob.js';
import type { DirectSession } from './DirectSession.js';

/**
 * Waits for an endpoint to be in service, or a transform job to end, as the operators do
 * (`waitForJob`, with its timeout, abort and log options); `arn` is the create call's.
 * @throws the waiter's errors (JobFailedError, WaiterTimeoutError, ...).
 */
export async function waitForResource(
  direct: DirectSession,
  kind: 'endpoint' | 'transform',
  name: string,
  arn: string | undefined,
  options: WaitOptions = {},
): Promise<void> {
  const resource = kind === 'endpoint' ? 'endpoint' : 'transform-job';
  const handle = {
    kind,
    name,
    arn: arn ?? `arn:aws:sagemaker:${direct.region}:000000000000:${resource}/${name}`,
    region: direct.region,
    configHash: '0'.repeat(64),
    submittedAt: new Date(direct.session.now() * 1000).toISOString(),
  };
  const clients = {
    sagemaker: direct.clients.sagemaker,
    ...(direct.clients.logs && { logs: direct.clients.logs }),
  };
  await waitForJob(handle, clients, options);
}
