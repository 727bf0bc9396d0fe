/** S3 path helpers with the SDK's exact joining rules (`sagemaker.s3_utils`, v2.257.6). */
import { ValidationError } from '../errors.js';

/**
 * Joins S3 path parts: skips `undefined`, `null` and `""`; adds `/` only where neither side has
 * one; collapses runs of `/` (after an `s3://` scheme); strips leading `/`, and trailing `/`
 * unless `withEndSlash`.
 */
export function s3PathJoin(
  parts: readonly (string | null | undefined)[],
  options: { readonly withEndSlash?: boolean } = {},
): string {
  const simple = simpleS3Join(parts, options.withEndSlash === true);
  if (simple !== undefined) return simple;
  const present = parts.filter((p): p is string => p !== undefined && p !== null && p !== '');
  let merged = '';
  present.forEach((part, index) => {
    if (index === 0 || merged.endsWith('/') || part.startsWith('/')) merged += part;
    else merged += `/${part}`;
  });
  if (options.withEndSlash && merged && !merged.endsWith('/')) merged += '/';
  if (merged) {
    const head = merged.startsWith('s3://') ? 's3://' : (merged[0] ?? '');
    const rest = merged.slice(head.length);
    // Runs of '/' collapse to one; a regex, not a char loop, since `endsWith` on a growing
    // string flattens it each time (quadratic: 38 s on a 200,000-character part).
    const body = rest.replace(/\/{2,}/g, '/');
    merged = head + (head.endsWith('/') && body.startsWith('/') ? body.slice(1) : body);
  }
  merged = merged.replace(/^\/+/, '');
  if (!options.withEndSlash && merged !== 's3://') merged = merged.replace(/\/+$/, '');
  return merged;
}

/**
 * The common case of {@link s3PathJoin}, without its passes over the text: `s3://` and then
 * parts holding no `/` (a bucket, a prefix, a job name), which the rules join with one `/`
 * each. `undefined` for anything else, which takes the general path.
 */
function simpleS3Join(
  parts: readonly (string | null | undefined)[],
  withEndSlash: boolean,
): string | undefined {
  if (parts[0] !== 's3://') return undefined;
  let out = 's3://';
  let empty = true;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part === undefined || part === null || part === '') continue;
    if (typeof part !== 'string' || part.includes('/')) return undefined;
    out = empty ? out + part : `${out}/${part}`;
    empty = false;
  }
  if (empty) return undefined;
  return withEndSlash ? `${out}/` : out;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Splits `s3://bucket/key` into bucket and key the way Python's `urlparse` does (query and
 * fragment dropped, leading `/` of the key removed).
 * @throws `ValidationError` when the URL's scheme is not `s3`.
 */
export function parseS3Url(url: string, option = 'S3 URL'): { bucket: string; key: string } {
  const schemeMatch = SCHEME.exec(url);
  const scheme = schemeMatch?.[1]?.toLowerCase() ?? '';
  if (scheme !== 's3') {
    throw new ValidationError(option, url, `an s3:// URL (got scheme ${JSON.stringify(scheme)})`);
  }
  let rest = url.slice((schemeMatch?.[0] ?? '').length);
  let netloc = '';
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const end = rest.search(/[/?#]/);
    netloc = end === -1 ? rest : rest.slice(0, end);
    rest = end === -1 ? '' : rest.slice(end);
  }
  const pathEnd = rest.search(/[?#]/);
  const path = pathEnd === -1 ? rest : rest.slice(0, pathEnd);
  return { bucket: netloc, key: path.replace(/^\/+/, '') };
}

/** Python's `os.path.join` on POSIX: a part starting with `/` restarts the path. */
export function posixPathJoin(...parts: readonly string[]): string {
  let path = '';
  parts.forEach((part, index) => {
    if (part.startsWith('/')) path = part;
    else if (index === 0 || path === '' || path.endsWith('/')) path += part;
    else path += `/${part}`;
  });
  return path;
}

/** Python's `os.path.basename` on POSIX. */
export const posixBasename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
