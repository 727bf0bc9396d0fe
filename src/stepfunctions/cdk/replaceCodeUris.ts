/**
 * Points a definition at new code locations: every occurrence of an exported upload's
 * `s3://<Bucket>/<Key>` in a string of the definition (a hyperparameter such as
 * `sagemaker_submit_directory`, a model's `SAGEMAKER_SUBMIT_DIRECTORY`, a processing input's
 * `S3Uri`, a `States.Format` literal) is replaced by the location that stands for it, here the
 * CDK asset's bucket and key tokens. Pure: the definition given is not changed.
 */

/** The definition with its code locations replaced, and how often each was found. @internal */
export interface ReplacedCodeUris<T> {
  readonly value: T;
  /** Occurrences found, by exported URI. */
  readonly counts: ReadonlyMap<string, number>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces each key of `locations` by its value wherever it stands in a string of `value`, as
 * a whole URI: `s3://b/code.tar.gz` is not matched inside `s3://b/code.tar.gz.bak` or
 * `s3://b/code.tar.gz/x`.
 * @internal
 */
export function replaceCodeUris<T>(
  value: T,
  locations: ReadonlyMap<string, string>,
): ReplacedCodeUris<T> {
  const counts = new Map<string, number>([...locations.keys()].map((uri) => [uri, 0]));
  if (locations.size === 0) return { value, counts };
  // Longest first, so that a URI that begins another is not matched inside it.
  const uris = [...locations.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?:${uris.map(escapeRegExp).join('|')})(?![A-Za-z0-9/._-])`, 'g');
  const replaceIn = (text: string): string =>
    text.replace(pattern, (uri) => {
      counts.set(uri, (counts.get(uri) ?? 0) + 1);
      return locations.get(uri) ?? uri;
    });
  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return replaceIn(item);
    if (Array.isArray(item)) return item.map(walk);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, walk(v)]));
    }
    return item;
  };
  return { value: walk(value) as T, counts };
}
