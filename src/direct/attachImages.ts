/**
 * What Python's `attach` reads from a training job's image and name: the framework, Python
 * version and tag of a prebuilt framework image (`fw_utils.framework_name_from_image`), the
 * framework version in a tag (`framework_version_from_tag`) and the base of a generated job name
 * (`utils.base_from_name`).
 */

/** A prebuilt framework image, as Python's `framework_name_from_image` splits it. */
export interface FrameworkImage {
  /** e.g. `tensorflow`, `pytorch-trcomp`, `scikit-learn`, `huggingface-pytorch`. */
  readonly framework: string;
  /** e.g. `py3`, `py310`. */
  readonly pyVersion: string;
  /** `<version>-<device>-<py>` for current images; the raw tag for legacy and XGBoost ones. */
  readonly tag: string;
  /** `scriptmode` or `training` when the repository name carries it. */
  readonly scriptMode: string | undefined;
}

const ECR_URI = /^(\d+)(\.)dkr(\.)ecr(\.)(.+)(\.)(.*)(\/)(.*:.*)$/;
const NAME =
  /^(?:sagemaker(?:-rl)?-)?(tensorflow|mxnet|chainer|pytorch|pytorch-trcomp|scikit-learn|xgboost|huggingface-tensorflow|huggingface-pytorch|huggingface-tensorflow-trcomp|huggingface-pytorch-trcomp)(?:-)?(scriptmode|training)?:(.*)-(.*?)-(py2|py3\d*)/;
const LEGACY = /^sagemaker-(tensorflow|mxnet)-(py2|py3)-(cpu|gpu):(.*)$/;
const SHORT_XGBOOST = /^sagemaker-(xgboost):(.*)$/;

/**
 * Python's `framework_name_from_image`: `undefined` for an image that is not a prebuilt
 * framework image in ECR (Python's `(None, None, None, None)`).
 */
export function frameworkFromImage(image: string): FrameworkImage | undefined {
  const repository = ECR_URI.exec(image)?.[9];
  if (repository === undefined) return undefined;
  const current = NAME.exec(repository);
  if (current) {
    const [, framework = '', scriptMode, version = '', device = '', py = ''] = current;
    return { framework, pyVersion: py, tag: `${version}-${device}-${py}`, scriptMode };
  }
  const legacy = LEGACY.exec(repository);
  if (legacy) {
    const [, framework = '', py = '', , tag = ''] = legacy;
    return { framework, pyVersion: py, tag, scriptMode: undefined };
  }
  const xgboost = SHORT_XGBOOST.exec(repository);
  if (xgboost) {
    return { framework: 'xgboost', pyVersion: 'py3', tag: xgboost[2] ?? '', scriptMode: undefined };
  }
  return undefined;
}

/** Python's `framework_version_from_tag`: `1.5-gpu-py3` → `1.5`; `1.7-1` (XGBoost) → `1.7-1`. */
export function frameworkVersionFromTag(tag: string): string | undefined {
  const long = /^(.*)-(cpu|gpu)-(py2|py3\d*)$/.exec(tag);
  if (long) return long[1];
  return /^(\d\.\d+-\d)$/.exec(tag)?.[1];
}
