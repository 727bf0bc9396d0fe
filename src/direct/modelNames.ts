/** Python's `sagemaker.utils.base_from_name`, which the deploy path names endpoints with. */

const GENERATED = /^(.+)-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}|\d{6}-\d{4})/;

/** The base of a generated name (`base-<timestamp>` gives `base`); other names are kept whole. */
export function baseFromName(name: string): string {
  return GENERATED.exec(name)?.[1] ?? name;
}
