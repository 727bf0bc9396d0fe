import { SageMakerWorkflowError, errorGuard } from '../../errors.js';
import type { ConfigKind } from './configKind.js';
import type { ConfigProblem } from './problems.js';

const SHOWN = 20;

/**
 * A config breaks the SageMaker API's constraints; thrown before anything is uploaded or created.
 * `problems` lists every error found, each with its field path and rule; `warnings` the problems
 * of severity `'warning'` found beside them.
 */
export class ConfigValidationError extends SageMakerWorkflowError {
  override readonly name = 'ConfigValidationError';
  readonly code = 'CONFIG_VALIDATION';

  /** Problems of severity `'warning'` found beside the errors. */
  readonly warnings: readonly ConfigProblem[];

  constructor(
    readonly kind: ConfigKind,
    readonly problems: readonly ConfigProblem[],
    options?: { cause?: unknown; warnings?: readonly ConfigProblem[] },
  ) {
    const lines = problems
      .slice(0, SHOWN)
      .map((p) => `  - ${p.path === '' ? '(config)' : p.path}: ${p.message} [${p.rule}]`);
    if (problems.length > SHOWN) lines.push(`  ... and ${problems.length - SHOWN} more`);
    super(
      `Invalid ${kind} config: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${lines.join('\n')}`,
      options,
    );
    this.warnings = options?.warnings ?? [];
  }
}

/** Guard for {@link ConfigValidationError}. */
export const isConfigValidationError = errorGuard<ConfigValidationError>('CONFIG_VALIDATION');
