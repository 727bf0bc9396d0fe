import { parseArgs } from 'node:util';
import { retrieve } from '../imageUris/retrieve.js';
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
  summary: 'print the ECR URI of a SageMaker prebuilt image',
  usage: IMAGE_URI_USAGE,
  run(argv) {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
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
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { stdout: IMAGE_URI_USAGE, exitCode: 0 };
    const [framework, ...extra] = positionals;
    if (!framework || extra.length || !values.region) {
      return {
        stderr: `${!framework ? 'Missing <framework>' : extra.length ? `Unexpected arguments: ${extra.join(' ')}` : 'Missing --region'}\n\n${IMAGE_URI_USAGE}`,
        exitCode: 1,
      };
    }
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
