/**
 * Every SageMaker request an operator sends is bounded by the caller's `signal` and by the
 * deadline (`maxIngestionTimeSeconds`): each `send` gets an abort signal tied to both, so a
 * request that hangs cannot outlive the limit. When the scope ends, the request is cut and a
 * {@link ScopeEndedError} says why; the operators turn it into their typed errors.
 * @internal
 */
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { loadSageMakerSdk } from '../internal/loadPeer.js';
import type { OperatorClock } from './clock.js';
import type { AnyCommand, Json } from './sagemakerCall.js';

/** What bounds a run of requests. @internal */
export interface RequestScope {
  readonly signal: AbortSignal | undefined;
  /** Clock epoch ms after which no request may run; `Infinity` for none. */
  readonly deadline: number;
  readonly clock: OperatorClock;
}

/** Why a scope ended: the caller aborted, or the deadline passed. @internal */
export type ScopeEnd = 'aborted' | 'deadline';

/** Thrown by {@link scopedCall} when the scope ended before or during the request. @internal */
export class ScopeEndedError extends Error {
  override readonly name = 'ScopeEndedError';
  constructor(
    readonly end: ScopeEnd,
    readonly reason?: unknown,
  ) {
    super(end === 'aborted' ? 'aborted by the caller' : 'deadline passed');
  }
}

/** True for a {@link ScopeEndedError}. @internal */
export const isScopeEnded = (error: unknown): error is ScopeEndedError =>
  error instanceof ScopeEndedError;

/** A scope from a signal and a limit in seconds counted from now. @internal */
export function scopeOf(
  clock: OperatorClock,
  signal: AbortSignal | undefined,
  limitSeconds: number | undefined,
): RequestScope {
  return {
    clock,
    signal,
    deadline: limitSeconds === undefined ? Infinity : clock.now() + limitSeconds * 1000,
  };
}

/** Whether the scope has ended, and why. @internal */
export function scopeEnded(scope: RequestScope): ScopeEnd | undefined {
  if (scope.signal?.aborted) return 'aborted';
  if (scope.clock.now() >= scope.deadline) return 'deadline';
  return undefined;
}

/** Throws {@link ScopeEndedError} when the scope has ended. @internal */
export function throwIfEnded(scope: RequestScope): void {
  const end = scopeEnded(scope);
  if (end) throw new ScopeEndedError(end, end === 'aborted' ? scope.signal?.reason : undefined);
}

/**
 * Sends a command with an abort signal tied to the scope, and returns its output as plain JSON.
 * @throws {@link ScopeEndedError} when the scope ends first; the SDK's error otherwise
 * @internal
 */
export async function scopedCall(
  client: Pick<SageMakerClient, 'send'>,
  command: AnyCommand,
  scope: RequestScope,
): Promise<Json> {
  throwIfEnded(scope);
  const sdk = (await loadSageMakerSdk()) as unknown as Record<
    string,
    (new (input: Json) => object) | undefined
  >;
  const Command = sdk[`${command.operation}Command`];
  if (!Command) throw new Error(`@aws-sdk/client-sagemaker has no ${command.operation}Command`);
  throwIfEnded(scope);
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort();
  };
  scope.signal?.addEventListener('abort', onAbort, { once: true });
  const remaining = scope.deadline - scope.clock.now();
  let timedOut = false;
  const timer = Number.isFinite(remaining)
    ? setTimeout(
        () => {
          timedOut = true;
          controller.abort();
        },
        Math.max(0, remaining),
      )
    : undefined;
  try {
    const send = client.send.bind(client) as (
      command: object,
      options: { abortSignal: AbortSignal },
    ) => Promise<unknown>;
    return (await send(new Command(command.input), { abortSignal: controller.signal })) as Json;
  } catch (error) {
    if (scope.signal?.aborted) throw new ScopeEndedError('aborted', scope.signal.reason);
    if (timedOut || scope.clock.now() >= scope.deadline) throw new ScopeEndedError('deadline');
    throw error;
  } finally {
    clearTimeout(timer);
    scope.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * An abort signal that fires when the scope ends (the caller's signal or the deadline), for
 * calls that take a signal rather than going through {@link scopedCall} (S3 uploads and checks).
 * Call `dispose` when done.
 * @internal
 */
export function scopeSignal(scope: RequestScope): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onAbort = (): void => {
    controller.abort(scope.signal?.reason);
  };
  if (scope.signal?.aborted) onAbort();
  scope.signal?.addEventListener('abort', onAbort, { once: true });
  const remaining = scope.deadline - scope.clock.now();
  const timer = Number.isFinite(remaining)
    ? setTimeout(
        () => {
          controller.abort(new ScopeEndedError('deadline'));
        },
        Math.max(0, remaining),
      )
    : undefined;
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      scope.signal?.removeEventListener('abort', onAbort);
    },
  };
}
