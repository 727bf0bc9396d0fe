/**
 * The estimator settings only Python's `fit` sends (its Airflow `training_config` drops them),
 * given to the direct calls beside the estimator.
 */

/** Python's `ProfilerConfig(...)`. */
export interface ProfilerSettings {
  /** @default - the estimator's output path */
  readonly s3OutputPath?: string | null;
  /** @default - none */
  readonly systemMonitorIntervalMillis?: number | null;
  /** @default false */
  readonly disableProfiler?: boolean | null;
}

/** Python's `DebuggerHookConfig(...)`. */
export interface DebuggerHookSettings {
  /** @default - the estimator's output path */
  readonly s3OutputPath?: string | null;
  /** @default - none */
  readonly containerLocalOutputPath?: string | null;
  /** @default - none */
  readonly hookParameters?: Readonly<Record<string, string>> | null;
}

/** Python's `TensorBoardOutputConfig(...)`. */
export interface TensorBoardSettings {
  readonly s3OutputPath: string;
  /** @default - none */
  readonly containerLocalOutputPath?: string | null;
}

/** Estimator keywords that `fit` sends and the Airflow config drops. */
export interface DirectTrainingSettings {
  /** @default - none */
  readonly environment?: Readonly<Record<string, string>> | null;
  /** @default false */
  readonly encryptInterContainerTraffic?: unknown;
  /** @default - none */
  readonly maxRetryAttempts?: unknown;
  /** @default - none */
  readonly trainingRepositoryAccessMode?: string | null;
  /** @default - none */
  readonly trainingRepositoryCredentialsProviderArn?: string | null;
  /** @default - none */
  readonly enableInfraCheck?: boolean | null;
  /** @default - none */
  readonly containerEntryPoint?: readonly string[] | null;
  /** @default - none */
  readonly containerArguments?: readonly string[] | null;
  /** @default - the framework's default (true for versions that support it), else none */
  readonly enableSagemakerMetrics?: boolean | null;
  /** @default - none */
  readonly enableRemoteDebug?: boolean | null;
  /** @default - none */
  readonly enableSessionTagChaining?: boolean | null;
  /** @default false */
  readonly disableProfiler?: boolean | null;
  /** @default - profiling to the output path */
  readonly profilerConfig?: ProfilerSettings | null;
  /** `false` turns the debugger hook off. @default - a hook writing to the output path */
  readonly debuggerHookConfig?: DebuggerHookSettings | false | null;
  /** @default - none */
  readonly tensorboardOutputConfig?: TensorBoardSettings | null;
}
