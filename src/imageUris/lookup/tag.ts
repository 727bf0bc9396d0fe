/** The tag step of the image lookup (Python's `_get_image_tag` and `_format_tag`). @internal */
import { truthy, type PyOps } from '../../pythonCompat/registryValues.js';
import {
  ARM64_TAGS,
  AUTO_CONTAINER_VERSIONS,
  GRAVITON_FAMILIES,
  INFERENCE_GRAVITON,
  instanceTypeFamily,
} from './fwUtils.js';
import { validateArg } from './validateArg.js';

/** What the image tag is made of. */
export interface TagParts {
  readonly containerVersion: string | undefined;
  readonly distribution: Readonly<Record<string, unknown>> | undefined;
  readonly finalImageScope: string | undefined;
  readonly framework: string;
  readonly inferenceTool: string | undefined;
  readonly instanceType: string | undefined;
  readonly processor: string | undefined;
  readonly pyVersion: string | undefined;
  readonly tagPrefix: string;
  readonly version: string;
}

/** `_format_tag`: the non-empty parts joined with `-`. */
function formatTag(p: TagParts): string {
  const middle = truthy(p.inferenceTool) ? p.inferenceTool : p.processor;
  return [p.tagPrefix, middle, p.pyVersion, p.containerVersion].filter((x) => truthy(x)).join('-');
}

/** `_get_image_tag` */
export function imageTag(py: PyOps, p: TagParts): string {
  const family = instanceTypeFamily(p.instanceType);
  let tag: string;
  if (p.framework === 'xgboost' || p.framework === 'sklearn') {
    if (family && p.finalImageScope === INFERENCE_GRAVITON) {
      validateArg(
        family,
        GRAVITON_FAMILIES,
        'instanceType',
        'Graviton images run on these instance families',
      );
    }
    if (GRAVITON_FAMILIES.includes(family) || p.finalImageScope === INFERENCE_GRAVITON) {
      tag =
        ARM64_TAGS[p.framework]?.[p.version] ??
        py.fail('KeyError', `no arm64 (Graviton) image of ${p.framework} ${p.version}`);
    } else {
      tag = formatTag(p);
    }
  } else {
    tag = formatTag(p);
    if (p.instanceType !== undefined) {
      const smdistributed =
        p.distribution !== undefined && Object.hasOwn(p.distribution, 'smdistributed');
      if (family === 'p4d' || smdistributed) {
        const suffix = AUTO_CONTAINER_VERSIONS[`${p.framework}-${tag}`];
        if (suffix) tag = `${tag}-${suffix}`;
      }
    }
  }
  // Python strips with str.rstrip("-gpu"): any trailing run of the characters -, g, p, u.
  if (p.framework === 'sagemaker-tritonserver' && p.processor === 'gpu')
    tag = tag.replace(/[-gpu]+$/, '');
  return tag;
}
