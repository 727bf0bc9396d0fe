/**
 * Options of {@link retrieve}: the keyword arguments of the Python SDK's
 * `sagemaker.image_uris.retrieve`, in camelCase. JumpStart lookups (`model_id`,
 * `model_version`, `hub_arn`, `config_name`, ...) are not supported.
 */
export interface ImageUriOptions {
  /** The framework or algorithm (`"pytorch"`, `"knn"`, `"huggingface-llm"`, ...). */
  readonly framework: string;
  /** The AWS region of the image (`"us-east-1"`); its partition gives the ECR host name. */
  readonly region: string;
  /**
   * The framework or algorithm version, or one of its aliases (`"1.13"`, `"latest"`).
   * @default - the only version when there is one, else the latest the registry lists
   */
  readonly version?: string | undefined;
  /**
   * The Python version (`"py310"`).
   * @default - the only Python version when there is one; required otherwise
   */
  readonly pyVersion?: string | undefined;
  /**
   * The instance type (`"ml.p3.2xlarge"`, `"local"`, `"local_gpu"`); decides the processor
   * (cpu, gpu, inf, trn) and, for some families, the image (Graviton, Trainium, Inferentia).
   * @default - none; required when the images differ by processor
   */
  readonly instanceType?: string | undefined;
  /**
   * An Elastic Inference accelerator (`"ml.eia2.medium"`); forces the `eia` scope.
   * @default - no accelerator
   */
  readonly acceleratorType?: string | undefined;
  /**
   * What the image is for: `"training"`, `"inference"`, `"inference_graviton"`, `"eia"`, ...
   * @default - the only scope when there is one; `"training"` for xgboost and sklearn; for
   * registries whose training and inference images are the same, the first listed
   */
  readonly imageScope?: string | undefined;
  /**
   * The container version appended to the tag (`"cu110-ubuntu18.04"`).
   * @default - the registry's container version for the processor, if it lists one
   */
  readonly containerVersion?: string | undefined;
  /**
   * The estimator's distribution settings; `smdistributed` (like a `p4d` instance) selects
   * the CUDA 11 container variants of a few old framework versions.
   * @default - not distributed
   */
  readonly distribution?: Readonly<Record<string, unknown>> | undefined;
  /**
   * For Hugging Face: the PyTorch or TensorFlow version the image is built on
   * (`"pytorch1.13"`).
   * @default - none; required for `huggingface`
   */
  readonly baseFrameworkVersion?: string | undefined;
  /**
   * Selects the Training Compiler images of `huggingface` and `pytorch`.
   * @default - no Training Compiler
   */
  readonly trainingCompilerConfig?: TrainingCompilerConfig | undefined;
  /**
   * The Neuron SDK version of Trainium/Inferentia images (`"sdk2.9.1"`).
   * @default - the lexicographically largest the registry lists (as Python sorts strings)
   */
  readonly sdkVersion?: string | undefined;
  /**
   * `"neuron"` or `"neuronx"` selects the Neuron images of `huggingface` and `pytorch`.
   * @default - `"neuron"` for `inf*` and `trn*` instances, else none
   */
  readonly inferenceTool?: string | undefined;
  /**
   * Set for a serverless endpoint: with no instance type, the CPU image is chosen.
   * @default - not serverless
   */
  readonly serverlessInferenceConfig?: ServerlessInferenceConfig | undefined;
}

/**
 * The Training Compiler settings (Python's `TrainingCompilerConfig`); for the image lookup only
 * its presence matters.
 */
export interface TrainingCompilerConfig {
  /** Whether the compiler is on. @default true */
  readonly enabled?: boolean | undefined;
  /** Whether to run the compiler in debug mode. @default false */
  readonly debug?: boolean | undefined;
}

/**
 * A serverless endpoint's settings (Python's `ServerlessInferenceConfig`); for the image lookup
 * only its presence matters.
 */
export interface ServerlessInferenceConfig {
  /** Memory of the endpoint in MB. @default 2048 */
  readonly memorySizeInMb?: number | undefined;
  /** Maximum concurrent invocations. @default 5 */
  readonly maxConcurrency?: number | undefined;
  /** Provisioned concurrency. @default - none */
  readonly provisionedConcurrency?: number | undefined;
}
