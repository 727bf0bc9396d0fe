/** The processor step of the image lookup (Python's `_processor`). @internal */
import { MissingOptionError, ValidationError } from '../../errors.js';
import { truthy, type PyOps, type PyTree } from '../../pythonCompat/registryValues.js';
import { INSTANCE_TYPES_HELP, instanceTypeFamily } from './fwUtils.js';
import { validateArg } from './validateArg.js';

/** `_processor`: cpu, gpu, inf, trn, neuron or an instance family the registry names. */
export function selectProcessor(
  py: PyOps,
  instanceType: string | undefined,
  available: PyTree,
  serverless: boolean,
): string | undefined {
  if (!truthy(available)) return undefined;
  const list = py.list(available);
  if (list.length === 1 && !truthy(instanceType)) return list[0];
  if (serverless) return 'cpu';
  if (!instanceType) {
    throw new MissingOptionError(
      'instanceType',
      'the images differ by processor; see https://aws.amazon.com/sagemaker/pricing/instance-types',
    );
  }
  const type = instanceType;
  let processor: string;
  if (type.startsWith('local')) {
    processor = type === 'local' ? 'cpu' : 'gpu';
  } else if (type.startsWith('neuron')) {
    processor = 'neuron';
  } else {
    const family = instanceTypeFamily(type);
    if (!family) {
      throw new ValidationError(
        'instanceType',
        type,
        `${INSTANCE_TYPES_HELP} (see https://aws.amazon.com/sagemaker/pricing/instance-types)`,
      );
    }
    if (list.includes(family)) processor = family;
    else if (family.startsWith('inf')) processor = 'inf';
    else if (family.startsWith('trn')) processor = 'trn';
    else if (family[0] === 'g' || family[0] === 'p') processor = 'gpu';
    else processor = 'cpu';
  }
  validateArg(
    processor,
    list,
    'processor',
    `Instance type ${type} needs a ${processor} image, which this registry does not have`,
  );
  return processor;
}
