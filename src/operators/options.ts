/**
 * Options and clients shared by every operator, with their defaults in one place.
 */
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MissingOptionError, UnsupportedOptionError, ValidationError } from '../errors.js';
import { consoleLogger, type OperatorLogger } from './logger.js';

/**
 * AWS clients an operator calls. Configure their `maxAttempts` / `retryStrategy` for throttling
 * and 5xx: the operators rely on the SDK's retries and add none of their own.
 */
export interface OperatorClients {
  readonly sagemaker: Pick<SageMakerClient, 'send'>;
  /** Needed when the config has `S3Operations`. @default - none; such a config is refused */
  readonly s3?: Pick<S3Client, 'send'>;
  /** Needed to stream CloudWatch logs (`printLog`). @default - none; logs are not streamed */
  readonly logs?: Pick<CloudWatchLogsClient, 'send'>;
}

/** What to do when a resource with the configured name exists and was not made by us from this config. */
export type ActionIfJobExists = 'timestamp' | 'fail';

/** Options of every `runXxx` operator. */
export interface OperatorOptions {
  /** Wait for the job to end (or the endpoint to be in service). @default true */
  readonly waitForCompletion?: boolean;
  /** Seconds between status checks; fractions are allowed (tests). @default 30 */
  readonly checkIntervalSeconds?: number;
  /**
   * Longest wait in seconds; past it the job is stopped through its Stop API and a
   * {@link WaiterTimeoutError} is thrown. @default - no limit
   */
  readonly maxIngestionTimeSeconds?: number;
  /**
   * `'timestamp'` appends `-<unix seconds>` to the name when a different resource already has it
   * (Airflow's behaviour); `'fail'` throws {@link ResourceExistsError}. A resource made by this
   * library from the same config is attached to in both cases, never duplicated.
   * @default 'timestamp'
   */
  readonly actionIfJobExists?: ActionIfJobExists;
  /** Stream the job's CloudWatch logs through the logger. @default - true when a `logs` client is given */
  readonly printLog?: boolean;
  /** Aborts waiting; a job already created is stopped. @default - none */
  readonly signal?: AbortSignal;
  /** Receives progress and log lines. @default consoleLogger */
  readonly logger?: OperatorLogger;
  /**
   * Values for the config's Jinja templates; when given, templates are rendered and the rendered
   * strings coerced back to the API's number and boolean types before validation.
   * @default - templates are not rendered
   */
  readonly templateContext?: Record<string, unknown>;
}

/** Defaults of {@link OperatorOptions}. @internal */
export const DEFAULTS = {
  waitForCompletion: true,
  checkIntervalSeconds: 30,
  actionIfJobExists: 'timestamp',
  logger: consoleLogger,
} as const satisfies Partial<Required<OperatorOptions>>;

/** {@link OperatorOptions} with defaults applied. @internal */
export interface ResolvedOptions {
  readonly waitForCompletion: boolean;
  readonly checkIntervalSeconds: number;
  readonly maxIngestionTimeSeconds: number | undefined;
  readonly actionIfJobExists: ActionIfJobExists;
  readonly printLog: boolean;
  readonly signal: AbortSignal | undefined;
  readonly logger: OperatorLogger;
  readonly templateContext: Record<string, unknown> | undefined;
}

/**
 * Applies {@link DEFAULTS} and checks the options.
 * @throws {@link ValidationError}, {@link UnsupportedOptionError} or {@link MissingOptionError}
 * @internal
 */
export function resolveOptions(
  options: OperatorOptions,
  clients: OperatorClients,
): ResolvedOptions {
  const interval = options.checkIntervalSeconds;
  if (interval !== undefined && !(Number.isFinite(interval) && interval > 0)) {
    throw new ValidationError(
      'checkIntervalSeconds',
      interval,
      'a number of seconds greater than 0',
    );
  }
  const maxWait = options.maxIngestionTimeSeconds;
  if (maxWait !== undefined && !(Number.isFinite(maxWait) && maxWait > 0)) {
    throw new ValidationError(
      'maxIngestionTimeSeconds',
      maxWait,
      'a number of seconds greater than 0',
    );
  }
  // Callers from JavaScript or from parsed YAML can pass anything here.
  const action: string | undefined = options.actionIfJobExists;
  if (action !== undefined && action !== 'timestamp' && action !== 'fail') {
    throw new UnsupportedOptionError('actionIfJobExists', action, ['timestamp', 'fail']);
  }
  if (options.printLog === true && clients.logs === undefined) {
    throw new MissingOptionError(
      'logs client',
      'printLog needs a CloudWatch Logs client in clients.logs',
    );
  }
  return {
    waitForCompletion: options.waitForCompletion ?? DEFAULTS.waitForCompletion,
    checkIntervalSeconds: options.checkIntervalSeconds ?? DEFAULTS.checkIntervalSeconds,
    maxIngestionTimeSeconds: options.maxIngestionTimeSeconds,
    actionIfJobExists: options.actionIfJobExists ?? DEFAULTS.actionIfJobExists,
    printLog: options.printLog ?? clients.logs !== undefined,
    signal: options.signal,
    logger: options.logger ?? DEFAULTS.logger,
    templateContext: options.templateContext,
  };
}
