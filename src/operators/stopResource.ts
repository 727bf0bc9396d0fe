/**
 * Asks SageMaker to stop a job, within the cleanup time allowed after an abort or a timeout;
 * never throws, says what happened.
 * @internal
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { JobAbortedError, WaiterTimeoutError, labelOf, type StopOutcome } from './errors.js';
import type { KindSpec } from './jobKinds.js';
import type { OperatorLogger } from './logger.js';
import { scopedCall, type RequestScope, type ScopeEndedError } from './requestScope.js';
import { errorMessage } from './sagemakerCall.js';

/** Sends the kind's Stop call for `name`; an endpoint (no Stop API) is reported as not stopped. @internal */
export async function stopResource(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
  logger: OperatorLogger,
  scope: RequestScope,
): Promise<StopOutcome> {
  if (!spec.stop) {
    return {
      stopRequested: false,
      stopError: new Error(`a SageMaker ${labelOf(spec.kind)} has no Stop API`),
    };
  }
  try {
    await scopedCall(sagemaker, spec.stop(name), scope);
    logger.warn(`Requested Stop of SageMaker ${labelOf(spec.kind)} ${name}`);
    return { stopRequested: true };
  } catch (stopError) {
    logger.error(
      `Could not stop SageMaker ${labelOf(spec.kind)} ${name}: ${errorMessage(stopError)}`,
    );
    return { stopRequested: false, stopError };
  }
}

/** What {@link endedError} needs to settle a scope that ended. @internal */
export interface EndContext {
  readonly logger: OperatorLogger;
  readonly onAbort: 'stop' | 'detach';
  /** Bounds the Stop call (the caller's scope has ended). */
  readonly cleanup: () => RequestScope;
  /** The limit that passed, for the message. */
  readonly maxWaitSeconds: number | undefined;
  /** Set when the limit was `maxAttempts` status checks. */
  readonly maxAttempts?: number;
}

/**
 * The typed error for a scope that ended: on a deadline the job is stopped
 * ({@link WaiterTimeoutError}); on an abort it is stopped or, with `onAbort: 'detach'`, left
 * running ({@link JobAbortedError}). `created: false` means no job exists to stop.
 * @internal
 */
export async function endedError(
  spec: KindSpec,
  sagemaker: Pick<SageMakerClient, 'send'>,
  name: string,
  created: boolean,
  ended: ScopeEndedError,
  context: EndContext,
): Promise<Error> {
  const { logger } = context;
  if (ended.end === 'aborted') {
    if (!created)
      return new JobAbortedError(spec.kind, undefined, { stopRequested: false }, ended.reason);
    if (context.onAbort === 'detach') {
      logger.warn(`Detached from SageMaker ${labelOf(spec.kind)} ${name}: it keeps running`);
      return new JobAbortedError(spec.kind, name, { stopRequested: false }, ended.reason, true);
    }
    const stop = await stopResource(spec, sagemaker, name, logger, context.cleanup());
    return new JobAbortedError(spec.kind, name, stop, ended.reason);
  }
  const stop = created
    ? await stopResource(spec, sagemaker, name, logger, context.cleanup())
    : { stopRequested: false, stopError: new Error('no job was created') };
  return new WaiterTimeoutError(
    spec.kind,
    name,
    context.maxWaitSeconds ?? Infinity,
    stop,
    context.maxAttempts,
  );
}
