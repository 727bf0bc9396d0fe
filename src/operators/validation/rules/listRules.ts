/**
 * Cross-field rules on lists and tags that several request kinds share.
 * @internal
 */
import { childPath, indexPath } from '../configPath.js';
import type { ConfigRule, ProblemSeverity, RuleSource } from '../problems.js';
import { list, obj, unknowable, type CrossFieldRule } from './ruleHelpers.js';

/** Names that must be unique within a list, reported on each repeat. */
export function uniqueBy(
  id: ConfigRule,
  member: string,
  what: string,
  severity: ProblemSeverity,
  source: RuleSource,
): CrossFieldRule {
  return {
    id,
    severity,
    source,
    check(value, path, report) {
      const seen = new Set<string>();
      list(value).forEach((item, i) => {
        const name = obj(item)?.[member];
        if (typeof name !== 'string' || unknowable(name)) return;
        if (seen.has(name)) {
          report(
            childPath(indexPath(path, i), member),
            `${what} ${JSON.stringify(name)} is used more than once`,
          );
        }
        seen.add(name);
      });
    },
  };
}

/**
 * Tag keys starting with `aws:`, in any case, are reserved for AWS and refused (AWS tagging
 * conventions, linked from the model's `Tags` documentation).
 */
export const reservedTagKey: CrossFieldRule = {
  id: 'crossField:reservedTagKey',
  severity: 'error',
  source: {
    kind: 'apiReference',
    ref: 'https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions',
  },
  check(value, path, report) {
    const key = obj(value)?.Key;
    if (typeof key === 'string' && key.toLowerCase().startsWith('aws:')) {
      report(
        childPath(path, 'Key'),
        `must not start with "aws:" (reserved for AWS), got ${JSON.stringify(key)}`,
      );
    }
  },
};
