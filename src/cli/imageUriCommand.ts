import { retrieve } from '../imageUris/retrieve.js';
import { parseCommandLine } from './parseCommandLine.js';
import type { Command } from './types.js';

const IMAGE_URI_USAGE = `Usage: sagemaker-workflow image-uri <framework> --region <region> [options]

Prints the ECR URI of a SageMaker prebuilt image (as sagemaker.image_uris.retrieve).

Options:
  --region <region>               AWS region (required)
  --version <version>             framework or algorithm version
  --py-version <py>               Python version, e.g. py310
  --instance-type <type>          instance type, e.g. ml.p3.2xlarge
  --scope <scope>                 image scope: training, inference, inference_graviton, eia, ...
  --accelerator-type <type>       Elastic Inference accelerator, e.g. ml.eia2.medium
  --container-version <version>   container version
  --base-framework-version <v>    Hugging Face base framework, e.g. pytorch2.1.0
  --sdk-version <version>         Neuron SDK version
  --inference-tool <tool>         neuron or neuronx`;

/** `image-uri`: the ECR URI of a prebuilt image, as `sagemaker.image_uris.retrieve`. @internal */
export const imageUriCommand: Command = {
  usage: IMAGE_URI_USAGE,
  run(argv) {
    const parsed = parseCommandLine(argv, {
      usage: IMAGE_URI_USAGE,
      operand: '<framework>',
      required: ['region'],
      options: {
        region: { type: 'string' },
        version: { type: 'string' },
        'py-version': { type: 'string' },
        'instance-type': { type: 'string' },
        scope: { type: 'string' },
        'accelerator-type': { type: 'string' },
        'container-version': { type: 'string' },
        'base-framework-version': { type: 'string' },
        'sdk-version': { type: 'string' },
        'inference-tool': { type: 'string' },
      },
    });
    if (parsed.done) return parsed.done;
    const { operand: framework, values } = parsed;
    const uri = retrieve({
      framework,
      region: values.region,
      version: values.version,
      pyVersion: values['py-version'],
      instanceType: values['instance-type'],
      imageScope: values.scope,
      acceleratorType: values['accelerator-type'],
      containerVersion: values['container-version'],
      baseFrameworkVersion: values['base-framework-version'],
      sdkVersion: values['sdk-version'],
      inferenceTool: values['inference-tool'],
    });
    return { stdout: uri, exitCode: 0 };
  },
};
