/**
 * PEP 440 version ordering, as Python's `packaging.version.Version` does it: the image registry
 * picks its default version by comparing two version keys this way (`1.0-1` is the post-release
 * `1.0.post1`, `1.0rc1` comes before `1.0`). Written here rather than taken from a package
 * because the lookup needs only parse-and-compare, and a config bundle should stay small.
 * @internal
 */

// https://peps.python.org/pep-0440/#appendix-b-parsing-version-strings-with-regular-expressions
const VERSION =
  /^\s*v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

type Part = number | string;
/** A comparison key: a list whose items compare element-wise. */
type Key = readonly (Part | readonly Part[])[];

const NEG = -Infinity;
const POS = Infinity;

/** Thrown for a string that is not a PEP 440 version (Python's `InvalidVersion`). @internal */
export class InvalidVersion extends Error {
  constructor(readonly version: string) {
    super(`Invalid version: '${version}'`);
  }
}

/** The sort key of `version` (packaging's `_cmpkey`). @internal */
export function versionKey(version: string): Key {
  const m = VERSION.exec(version);
  if (!m) throw new InvalidVersion(version);
  const [, epoch, release, preL, preN, postN1, postL, postN2, devL, devN, local] = m;
  const rel = (release ?? '0').split('.').map(Number);
  while (rel.length > 1 && rel[rel.length - 1] === 0) rel.pop();
  // When the release is all zeros packaging strips them all; `[0]` and `[]` order the same
  // against every other release (shorter-is-smaller, zero-padded compare below).
  const preLetter = preL?.toLowerCase();
  const pre: readonly Part[] | undefined = preLetter
    ? [
        preLetter === 'alpha' || preLetter === 'a'
          ? 'a'
          : preLetter === 'beta' || preLetter === 'b'
            ? 'b'
            : 'rc',
        Number(preN ?? 0),
      ]
    : undefined;
  const postNumber = postN1 ?? (postL ? (postN2 ?? '0') : undefined);
  const post = postNumber === undefined ? undefined : [Number(postNumber)];
  const dev = devL ? [Number(devN ?? 0)] : undefined;
  return [
    Number(epoch ?? 0),
    rel,
    // A dev release without pre or post sorts before the pre-releases of the same release.
    pre ?? (post === undefined && dev !== undefined ? [NEG] : [POS]),
    post ?? [NEG],
    dev ?? [POS],
    local
      ? local
          .toLowerCase()
          .split(/[-_.]/)
          .flatMap((p) => (/^\d+$/.test(p) ? [Number(p), ''] : [NEG, p]))
      : [NEG],
  ];
}

function comparePart(a: Part, b: Part): number {
  if (a === b) return 0;
  // packaging's Infinity/NegativeInfinity sentinels compare against anything, strings included.
  if (a === NEG || b === POS) return -1;
  if (a === POS || b === NEG) return 1;
  if (typeof a === typeof b) return a < b ? -1 : 1;
  return typeof a === 'number' ? 1 : -1;
}

function compareList(a: readonly Part[], b: readonly Part[], pad: boolean): number {
  const n = pad ? Math.max(a.length, b.length) : Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(a[i] ?? 0, b[i] ?? 0);
    if (c) return c;
  }
  return pad ? 0 : a.length - b.length;
}

/** Compares two PEP 440 versions: negative, zero or positive. @internal */
export function compareVersions(a: string, b: string): number {
  const ka = versionKey(a);
  const kb = versionKey(b);
  const c0 = comparePart(ka[0] as number, kb[0] as number);
  if (c0) return c0;
  // Release: trailing zeros are insignificant (1.0 == 1).
  const c1 = compareList(ka[1] as Part[], kb[1] as Part[], true);
  if (c1) return c1;
  for (let i = 2; i < ka.length; i++) {
    const c = compareList(ka[i] as Part[], kb[i] as Part[], false);
    if (c) return c;
  }
  return 0;
}
