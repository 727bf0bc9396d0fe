/**
 * Options and clients shared by every operator, with their defaults in one place.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MissingOptionError, UnsupportedOptionError, ValidationError } from '../errors.js';
import { systemClock, type OperatorClock } from './clock.js';
import { consoleLogger, type OperatorLogger } from './logger.js';
import type { ConfigRule } from './validation/index.js';

/**
 * AWS clients an operator calls. Configure their `maxAttempts` / `retryStrategy` for throttling
 * and 5xx: the operators rely on the SDK's retries and add none of their own.
 */
export interface OperatorClients {
  readonly sagemaker: Pick<SageMakerClient, 'send'>;
  /** Needed when the config has `S3Operations` or S3 inputs to check. @default - none; uploads are refused, inputs not checked */
  readonly s3?: Pick<S3Client, 'send'>;
  /** Needed to stream CloudWatch logs (`printLog`). @default - none; logs are not streamed */
  readonly logs?: Pick<CloudWatchLogsClient, 'send'>;
}

/**
 * What to do when a resource with the configured name exists and was not made by us from this
 * config: `'timestamp'` appends a 10-digit suffix derived from the config's hash (so concurrent
 * starts of one config agree on it), `'increment'` appends `-1`, `-2`, ... (older Airflow's
 * behaviour), `'fail'` throws {@link ResourceExistsError}.
 */
export type ActionIfJobExists = 'timestamp' | 'increment' | 'fail';

/** What an abort (the caller's `signal`) does to a job already created: stop it, or leave it running. */
export type OnAbort = 'stop' | 'detach';

/** Options of {@link waitForJob} (and the waiting part of every `runXxx` operator). */
export interface WaitOptions {
  /** Seconds before the second status check; later checks back off from here. @default 30 */
  readonly checkIntervalSeconds?: number;
  /** Longest delay between two status checks, in seconds; the delay doubles up to it and starts over at `checkIntervalSeconds` when the status changes. @default 120 */
  readonly maxCheckIntervalSeconds?: number;
  /**
   * Longest time in seconds, counted from the start of the call, that any request may take or
   * the wait may last; past it the job is stopped through its Stop API and a
   * {@link WaiterTimeoutError} is thrown. @default - no limit
   */
  readonly maxIngestionTimeSeconds?: number;
  /** Most status checks (Airflow's `max_attempts`); past it the job is stopped as on a timeout. @default - no limit */
  readonly maxAttempts?: number;
  /** A heartbeat line (status, secondary status, elapsed time) at least this often, in seconds. @default 60 */
  readonly progressIntervalSeconds?: number;
  /** Aborts the call and every request in flight; a job already created is stopped or left running per `onAbort`. @default - none */
  readonly signal?: AbortSignal;
  /** `'stop'` asks SageMaker to stop the job on abort; `'detach'` leaves it running (a worker shutdown). @default 'stop' */
  readonly onAbort?: OnAbort;
  /** Seconds allowed for the calls made after an abort or timeout (the Stop, the Describe after a lost Create). @default 30 */
  readonly cleanupTimeoutSeconds?: number;
  /** Stream the job's CloudWatch logs through the logger. @default - true when a `logs` client is given */
  readonly printLog?: boolean;
  /** Receives progress and log lines. @default consoleLogger */
  readonly logger?: OperatorLogger;
  /** Time source for delays, deadlines and heartbeats. @default - the system clock (tests and simulations pass their own) */
  readonly clock?: OperatorClock;
}

/** Options of {@link submitJob} (and the submitting part of every `runXxx` operator). */
export interface SubmitOptions {
  /** See {@link ActionIfJobExists}. A resource made by this library from the same config is attached to, never duplicated. @default 'timestamp' */
  readonly actionIfJobExists?: ActionIfJobExists;
  /** When our own job from this config Failed or was Stopped, start a new one under a new name; `false` attaches to it (and reports its failure). @default true */
  readonly rerunFailed?: boolean;
  /** Tag each resource with {@link CONFIG_HASH_TAG} to recognise it on a re-run; `false` sends no tag and a re-run trusts the name alone. @default true */
  readonly idempotencyTag?: boolean;
  /** Check that the job's S3 inputs and code archive exist before Create (HeadObject / ListObjectsV2). @default true when an `s3` client is given */
  readonly checkS3Inputs?: boolean;
  /**
   * Validation rules not to check, e.g. `['crossField:batchStrategy']` (see `validateConfig`).
   * Warnings are logged through the logger either way; this turns a rule off. @default []
   */
  readonly skipRules?: readonly ConfigRule[];
  /** Folder that relative `S3Operations` paths are resolved against; pass the builder's `run.sourceDir`. @default - the current directory */
  readonly localBaseDir?: string | undefined;
  /**
   * Values for the config's Jinja templates; when given, templates are rendered and the rendered
   * strings coerced back to the API's number and boolean types before validation.
   * @default - templates are not rendered
   */
  readonly templateContext?: Record<string, unknown>;
}

/** Options of every `runXxx` operator: submit, then wait. */
export interface OperatorOptions extends SubmitOptions, WaitOptions {
  /** Wait for the job to end (or the endpoint to be in service). @default true */
  readonly waitForCompletion?: boolean;
}

/** Defaults of {@link OperatorOptions}. @internal */
export const DEFAULTS = {
  waitForCompletion: true,
  checkIntervalSeconds: 30,
  maxCheckIntervalSeconds: 120,
  progressIntervalSeconds: 60,
  cleanupTimeoutSeconds: 30,
  actionIfJobExists: 'timestamp',
  onAbort: 'stop',
  rerunFailed: true,
  idempotencyTag: true,
  logger: consoleLogger,
} as const satisfies Partial<Required<OperatorOptions>>;

/** {@link OperatorOptions} with defaults applied. @internal */
export interface ResolvedOptions {
  readonly waitForCompletion: boolean;
  readonly checkIntervalSeconds: number;
  readonly maxCheckIntervalSeconds: number;
  readonly maxIngestionTimeSeconds: number | undefined;
  readonly maxAttempts: number | undefined;
  readonly progressIntervalSeconds: number;
  readonly cleanupTimeoutSeconds: number;
  readonly actionIfJobExists: ActionIfJobExists;
  readonly rerunFailed: boolean;
  readonly idempotencyTag: boolean;
  readonly checkS3Inputs: boolean;
  readonly skipRules: readonly ConfigRule[];
  readonly localBaseDir: string | undefined;
  readonly onAbort: OnAbort;
  readonly printLog: boolean;
  readonly signal: AbortSignal | undefined;
  readonly logger: OperatorLogger;
  readonly clock: OperatorClock;
  readonly templateContext: Record<string, unknown> | undefined;
}

function positiveSeconds(option: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new ValidationError(option, value, 'a number of seconds greater than 0');
  }
}

function oneOf<T extends string>(
  option: string,
  value: T | undefined,
  allowed: readonly T[],
): void {
  // Callers from JavaScript or from parsed YAML can pass anything here.
  const v: unknown = value;
  if (v !== undefined && !allowed.includes(v as T)) {
    throw new UnsupportedOptionError(option, v, allowed);
  }
}

/**
 * Applies {@link DEFAULTS} and checks the options.
 * @throws {@link ValidationError}, {@link UnsupportedOptionError} or {@link MissingOptionError}
 * @internal
 */
export function resolveOptions(
  options: OperatorOptions,
  clients: Partial<OperatorClients>,
): ResolvedOptions {
  positiveSeconds('checkIntervalSeconds', options.checkIntervalSeconds);
  positiveSeconds('maxCheckIntervalSeconds', options.maxCheckIntervalSeconds);
  positiveSeconds('maxIngestionTimeSeconds', options.maxIngestionTimeSeconds);
  positiveSeconds('progressIntervalSeconds', options.progressIntervalSeconds);
  positiveSeconds('cleanupTimeoutSeconds', options.cleanupTimeoutSeconds);
  const attempts = options.maxAttempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts > 0)) {
    throw new ValidationError('maxAttempts', attempts, 'an integer greater than 0');
  }
  oneOf('actionIfJobExists', options.actionIfJobExists, ['timestamp', 'increment', 'fail']);
  oneOf('onAbort', options.onAbort, ['stop', 'detach']);
  if (options.printLog === true && clients.logs === undefined) {
    throw new MissingOptionError(
      'logs client',
      'printLog needs a CloudWatch Logs client in clients.logs',
    );
  }
  if (options.checkS3Inputs === true && clients.s3 === undefined) {
    throw new MissingOptionError('s3 client', 'checkS3Inputs needs an S3 client in clients.s3');
  }
  const checkInterval = options.checkIntervalSeconds ?? DEFAULTS.checkIntervalSeconds;
  return {
    waitForCompletion: options.waitForCompletion ?? DEFAULTS.waitForCompletion,
    checkIntervalSeconds: checkInterval,
    // A cap below the first delay would shorten it; the first delay wins.
    maxCheckIntervalSeconds: Math.max(
      checkInterval,
      options.maxCheckIntervalSeconds ?? DEFAULTS.maxCheckIntervalSeconds,
    ),
    maxIngestionTimeSeconds: options.maxIngestionTimeSeconds,
    maxAttempts: options.maxAttempts,
    progressIntervalSeconds: options.progressIntervalSeconds ?? DEFAULTS.progressIntervalSeconds,
    cleanupTimeoutSeconds: options.cleanupTimeoutSeconds ?? DEFAULTS.cleanupTimeoutSeconds,
    actionIfJobExists: options.actionIfJobExists ?? DEFAULTS.actionIfJobExists,
    rerunFailed: options.rerunFailed ?? DEFAULTS.rerunFailed,
    idempotencyTag: options.idempotencyTag ?? DEFAULTS.idempotencyTag,
    checkS3Inputs: options.checkS3Inputs ?? clients.s3 !== undefined,
    skipRules: options.skipRules ?? [],
    localBaseDir: options.localBaseDir,
    onAbort: options.onAbort ?? DEFAULTS.onAbort,
    printLog: options.printLog ?? clients.logs !== undefined,
    signal: options.signal,
    logger: options.logger ?? DEFAULTS.logger,
    clock: options.clock ?? systemClock,
    templateContext: options.templateContext,
  };
}
