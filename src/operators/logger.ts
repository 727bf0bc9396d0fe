/**
 * Where operators report progress: status transitions, secondary status, billable seconds and,
 * with `printLog`, the job's CloudWatch log lines. Callers pass their own (pino, winston, an
 * orchestrator's task log) or {@link silentLogger}.
 */

/** The three levels the operators use. */
export interface OperatorLogger {
  /** Logs progress. */
  info(message: string): void;
  /** Logs a warning. */
  warn(message: string): void;
  /** Logs an error. */
  error(message: string): void;
}

/** Writes to the console; the default. */
export const consoleLogger: OperatorLogger = {
  info: (message) => {
    console.info(message);
  },
  warn: (message) => {
    console.warn(message);
  },
  error: (message) => {
    console.error(message);
  },
};

/** Drops every message. */
export const silentLogger: OperatorLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
