import { partitionOf } from '../partitions.js';

/**
 * The ECR host name of `region` (`ecr.<region>.<DNS suffix of its partition>`), or undefined
 * when no partition knows the region.
 *
 * Matches botocore's `construct_endpoint("ecr", region)` as the Python SDK uses it: the first
 * partition that lists the region or whose `regionRegex` matches it (Python's `re.match`, so
 * anchored at the start), and `il-central-1` always resolves in `amazonaws.com`
 * (`image_uris.py`, `retrieve`).
 *
 * @example ecrHostname('cn-north-1') // 'ecr.cn-north-1.amazonaws.com.cn'
 */
export function ecrHostname(region: string): string | undefined {
  const partition = partitionOf(region);
  if (partition) return `ecr.${region}.${partition.dnsSuffix}`;
  return region === 'il-central-1' ? `ecr.${region}.amazonaws.com` : undefined;
}
