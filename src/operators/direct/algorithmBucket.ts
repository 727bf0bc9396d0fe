/** Where the direct calls make the default-bucket check an algorithm's constructor makes in Python. */
import type { AnyEstimator } from '../../estimators/AnyEstimator.js';
import type { DirectSession } from './DirectSession.js';

/**
 * Python parity A7: Python's algorithm constructors read `default_bucket()` for the default
 * `data_location`, so the bucket is checked by then. An algorithm constructed on a direct session
 * whose bucket was not resolved yet left that read for later; the direct calls that take the
 * estimator make it first (once per session, as Python), so the check is moved, never dropped.
 * @internal
 */
export async function readDataLocation(
  direct: DirectSession,
  estimator: AnyEstimator,
): Promise<void> {
  if (estimator.kind !== 'algorithm') return;
  await direct.build(() => estimator.dataLocation);
}
