/** Public types of the local SageMaker endpoint (`startLocalSageMaker`). */
import type { LocalS3 } from '../localS3/types.js';

/** How a job (or endpoint) named by {@link LocalSageMaker.setBehaviour} ends. */
export interface JobBehaviour {
  /** Final state; `'hang'` stays in progress (see `hangSeconds`). @default 'Completed' */
  readonly outcome?: 'Completed' | 'Failed' | 'Stopped' | 'hang';
  /** `FailureReason` reported when `outcome` is `'Failed'`. @default 'AlgorithmError: simulated failure' */
  readonly failureReason?: string;
  /** Simulated seconds from creation to the final state. @default - the endpoint's `jobDurationSeconds` */
  readonly durationSeconds?: number;
  /**
   * With `outcome: 'hang'`: the training `SecondaryStatus` it hangs in. @default 'Training'
   */
  readonly hangIn?: 'Starting' | 'Downloading' | 'Training' | 'Uploading';
  /**
   * With `outcome: 'hang'`: simulated seconds after which the hang ends and the job completes.
   * @default - it hangs until stopped
   */
  readonly hangSeconds?: number;
  /**
   * Processing jobs: the files each output's `LocalPath` holds when the job ends (name relative to
   * that path → contents), written under the output's `S3Uri`. Set it before creating the job.
   * @default - the files of that path on this machine, when it is a folder here
   */
  readonly outputFiles?: Readonly<Record<string, Readonly<Record<string, string | Uint8Array>>>>;
}

/** A fault returned instead of (or after) handling matching requests. */
export interface Fault {
  /**
   * - `throttle`: 400 `ThrottlingException`, the request is not handled;
   * - `serverError`: 500 `InternalFailure` (or `status`), the request is not handled;
   * - `lostResponse`: the request IS handled, then a 500 is returned, as when a response is lost
   *   after the service committed the call;
   * - `latency`: the request is handled after `latencyMs` real milliseconds.
   */
  readonly kind: 'throttle' | 'serverError' | 'lostResponse' | 'latency';
  /** Operation name such as `'CreateTrainingJob'`, or a pattern. @default - every operation */
  readonly operation?: string | RegExp;
  /** How many matching requests get the fault. @default 1 */
  readonly times?: number;
  /** Share of matching requests that get it, spread evenly (0.9: 9 in 10). @default 1 */
  readonly share?: number;
  /** Real seconds from now after which the fault lapses. @default - no time limit */
  readonly forSeconds?: number;
  /** HTTP status of a `serverError`: 500, 502, 503 or 504. @default 500 */
  readonly status?: number;
  /** Delay of a `latency` fault, real milliseconds. @default 100 */
  readonly latencyMs?: number;
}

/** One request received by the endpoint. */
export interface RecordedRequest {
  /** `SageMaker`, `Logs`, `IAM` or `STS`. */
  readonly service: 'SageMaker' | 'Logs' | 'IAM' | 'STS';
  readonly operation: string;
  readonly body: Record<string, unknown>;
  /** HTTP status answered. */
  readonly status: number;
  /** Error type answered (`ThrottlingException`, ...), for non-2xx answers. */
  readonly error?: string;
  /** Real milliseconds an injected `latency` fault held the answer back. */
  readonly latencyMs?: number;
}

/** A log event to seed with {@link LocalSageMaker.putLogEvents}. */
export interface SeedLogEvent {
  /** Epoch milliseconds. @default - the simulated clock's now */
  readonly timestamp?: number;
  readonly message: string;
}

/** Options of `startLocalSageMaker`. */
export interface LocalSageMakerOptions {
  /** Simulated seconds a job takes to finish unless a behaviour says otherwise. @default 60 */
  readonly jobDurationSeconds?: number;
  /** Simulated seconds added to the clock before answering each Describe call. @default 0 */
  readonly autoAdvanceSeconds?: number;
  /** Start of the simulated clock, epoch milliseconds. @default 1704067200000 (2024-01-01T00:00:00Z) */
  readonly startTimeMs?: number;
  /** Region written into ARNs. @default 'us-east-1' */
  readonly region?: string;
  /** Account written into ARNs. @default '123456789012' */
  readonly accountId?: string;
  /**
   * The local S3 server the jobs read their inputs from and write their outputs to, as SageMaker
   * does with S3: a training job whose inputs are missing fails, a completed one writes
   * `model.tar.gz`, a transform writes `.out` objects, CreateModel checks `ModelDataUrl`.
   * @default - no data plane: jobs read and write nothing, and never fail for missing data
   */
  readonly s3?: LocalS3;
  /**
   * IAM role names `GetRole` finds (in the endpoint's account).
   * @default - every role name is found
   */
  readonly roles?: readonly string[];
}

/** Kinds of resources the endpoint keeps. */
export type LocalResourceKind =
  'training' | 'tuning' | 'transform' | 'processing' | 'model' | 'endpointConfig' | 'endpoint';

/** A running local endpoint; see `startLocalSageMaker`. */
export interface LocalSageMaker {
  /** `http://127.0.0.1:<port>`, to pass as the clients' `endpoint`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Requests for one operation, e.g. `count('CreateTrainingJob')`, counting only answered ones (2xx). */
  count(operation: string): number;
  /** Moves the simulated clock forward. */
  advance(seconds: number): void;
  /** The simulated clock, epoch milliseconds. */
  now(): number;
  /** Sets how jobs whose name matches end; the latest matching behaviour wins. */
  setBehaviour(name: string | RegExp, behaviour: JobBehaviour): void;
  /** Makes the named job (or endpoint) fail with `reason` when it ends. */
  failJob(name: string | RegExp, reason: string): void;
  /** Makes the named job end `Stopped`, as if someone stopped it. */
  stopJob(name: string | RegExp): void;
  /** Makes the named job hang in progress (for `seconds` of simulated time, or until stopped). */
  hangJob(name: string | RegExp, options?: Pick<JobBehaviour, 'hangIn' | 'hangSeconds'>): void;
  /** Queues a fault for the next matching requests. */
  injectFault(fault: Fault): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Adds events to a CloudWatch Logs stream (created when missing, with its group). */
  putLogEvents(group: string, stream: string, events: readonly SeedLogEvent[]): void;
  /** Names of the resources of one kind, in creation order. */
  names(kind: LocalResourceKind): string[];
  /** The request a resource was created with (after updates, for endpoints), or `undefined`. */
  createRequest(kind: LocalResourceKind, name: string): Record<string, unknown> | undefined;
  /** Stops the server. */
  close(): Promise<void>;
}
