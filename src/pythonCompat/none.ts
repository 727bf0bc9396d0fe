/** `OrNone`: how the options spell Python's `None`. */

/**
 * A value or `null`, where `null` stands for Python's `None` given explicitly: it overrides the
 * default, which `undefined` (the option left out) keeps.
 */
export type OrNone<T> = T | null;
