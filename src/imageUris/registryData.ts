/**
 * The in-memory form of the image registries, and the helpers the generated modules use to build
 * it. A registry is the same tree as the Python SDK's `image_uri_config/<framework>.json`, with
 * objects as `Map`s: JSON key order decides which version is "latest" and the order of the lists
 * in error messages, and a plain object would move integer-like keys (`"1"`) to the front.
 */

/** A value in a registry tree: a string, a list of strings, or an ordered mapping. @internal */
export type RegistryNode = string | readonly string[] | RegistryDict;

/** An ordered mapping in a registry tree. @internal */
export type RegistryDict = ReadonlyMap<string, RegistryNode>;

/**
 * The image registry of one framework or algorithm (e.g. {@link knnRegistry}), for
 * {@link imageUriFor}. Its data is built on first use.
 */
export interface ImageRegistry {
  /** The framework name, as `retrieve` takes it (`"knn"`, `"pytorch"`, `"huggingface-llm"`). */
  readonly framework: string;
  /** Builds (once) and returns the registry tree. @internal */
  readonly load: () => RegistryDict;
  /**
   * Registries that a lookup for this framework may also read (`<framework>-training-compiler`,
   * `<framework>-neuron`, `<framework>-neuronx`). @internal
   */
  readonly related: readonly ImageRegistry[];
}

/**
 * A region → account-id table of `generated/accounts.ts`, unpacked on first use: the 58 tables
 * would otherwise be built at import, by every program that loads the root (issue 18).
 * @internal
 */
export type PackedAccounts = () => RegistryDict;

/**
 * Builds an ordered mapping from alternating keys and values; a value may be a
 * {@link PackedAccounts} table, unpacked here (the registry trees are built on first use).
 * @internal
 */
export function d(...flat: (RegistryNode | PackedAccounts)[]): RegistryDict {
  const map = new Map<string, RegistryNode>();
  for (let i = 0; i < flat.length; i += 2) {
    const value = flat[i + 1] as RegistryNode | PackedAccounts;
    map.set(flat[i] as string, typeof value === 'function' ? value() : value);
  }
  return map;
}

/**
 * A region → account-id mapping from its packed form, built once on first call: `packed` is a
 * run of 4-character entries, a base-36 index into the space-separated `regions` and one into
 * `ids` (12-digit account ids written back to back).
 * @internal
 */
export function accounts(regions: string, ids: string, packed: string): PackedAccounts {
  let map: Map<string, RegistryNode> | undefined;
  return () => {
    if (map) return map;
    const names = regions.split(' ');
    map = new Map<string, RegistryNode>();
    for (let i = 0; i < packed.length; i += 4) {
      const account = parseInt(packed.slice(i + 2, i + 4), 36) * 12;
      map.set(names[parseInt(packed.slice(i, i + 2), 36)] ?? '', ids.slice(account, account + 12));
    }
    return map;
  };
}

/**
 * Declares a registry whose tree `build` makes on first use.
 * @internal
 */
export function defineRegistry(
  framework: string,
  build: () => RegistryDict,
  related: readonly ImageRegistry[] = [],
): ImageRegistry {
  let tree: RegistryDict | undefined;
  return { framework, load: () => (tree ??= build()), related };
}

/** One AWS partition: its name, DNS suffix, region pattern and listed regions. @internal */
export type Partition = readonly [
  name: string,
  dnsSuffix: string,
  regionRegex: string,
  regions: readonly string[],
];
