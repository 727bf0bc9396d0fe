import { CONFIG_KINDS } from '../operators/validation/configKind.js';
import { CliInputError } from './CliInputError.js';

/** A request inside a config file, with the path it sits at. @internal */
export interface ConfigPart {
  readonly kind: string;
  readonly path: string;
  readonly value: unknown;
}

/** Composite configs (`transformConfigFromEstimator`, `deployConfig`) and their parts. */
const COMPOSITES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  transformFromEstimator: { Model: 'model', Transform: 'transform' },
  deploy: { Model: 'model', EndpointConfig: 'endpointConfig', Endpoint: 'endpoint' },
};

/** The key that only each kind's request has, in the order they are tried. */
const MARKERS: readonly (readonly [string, string])[] = [
  ['HyperParameterTuningJobName', 'tuning'],
  ['TrainingJobName', 'training'],
  ['TransformJobName', 'transform'],
  ['ProcessingJobName', 'processing'],
  ['ProductionVariants', 'endpointConfig'],
  ['EndpointName', 'endpoint'],
  ['ModelName', 'model'],
];

/** Which kind of config `config` is, from its keys; undefined when none fits. @internal */
export function inferKind(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return undefined;
  if ('Model' in config && 'Transform' in config) return 'transformFromEstimator';
  if ('Model' in config && 'EndpointConfig' in config) return 'deploy';
  return MARKERS.find(([key]) => key in config)?.[1];
}

/**
 * The requests of a config to validate one by one.
 * @throws CliInputError for an unknown kind.
 * @internal
 */
export function configParts(kind: string, config: unknown): readonly ConfigPart[] {
  const composite = COMPOSITES[kind];
  if (composite) {
    const record = (typeof config === 'object' && config !== null ? config : {}) as Record<
      string,
      unknown
    >;
    return Object.entries(composite).map(([key, partKind]) => ({
      kind: partKind,
      path: `${key}.`,
      value: record[key],
    }));
  }
  if (!(CONFIG_KINDS as readonly string[]).includes(kind)) {
    throw new CliInputError(
      `Unknown --kind ${JSON.stringify(kind)}. Accepted: ${[...CONFIG_KINDS, ...Object.keys(COMPOSITES)].join(', ')}`,
    );
  }
  return [{ kind, path: '', value: config }];
}
