/**
 * AWS partitions (aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc),
 * from botocore's endpoint data as the Python SDK reads it.
 */
import { partitions } from './imageUris/generated/partitions.js';

/** A partition: its name and DNS suffix. */
export interface PartitionInfo {
  readonly name: string;
  readonly dnsSuffix: string;
}

const patterns = new Map<string, RegExp>();

/**
 * The partition of `region`: the first that lists it or whose region pattern matches it
 * (botocore's order, pattern anchored at the start as Python's `re.match`), else `undefined`.
 * @example partitionOf('cn-north-1') // { name: 'aws-cn', dnsSuffix: 'amazonaws.com.cn' }
 */
export function partitionOf(region: string): PartitionInfo | undefined {
  for (const [name, dnsSuffix, regionRegex, regions] of partitions) {
    let pattern = patterns.get(name);
    if (!pattern) {
      pattern = new RegExp(regionRegex.startsWith('^') ? regionRegex : `^(?:${regionRegex})`);
      patterns.set(name, pattern);
    }
    if (regions.includes(region) || pattern.test(region)) return { name, dnsSuffix };
  }
  return undefined;
}

/** The names of the partitions known. */
export const partitionNames = (): readonly string[] => partitions.map(([name]) => name);
