import { ROOTS } from './generated/shapes.js';

/**
 * Which Create request a config is. Python's Airflow configs are the request objects themselves;
 * composite configs are checked part by part (a deploy config's `Model`, `EndpointConfig` and
 * `Endpoint` as `'model'`, `'endpointConfig'` and `'endpoint'`; a transform config made from an
 * estimator as `'model'` and `'transform'`).
 */
export type ConfigKind = keyof typeof ROOTS;

/** Every {@link ConfigKind}, in a stable order. */
export const CONFIG_KINDS = Object.keys(ROOTS) as readonly ConfigKind[];

/** The API request shape name a kind is checked against. @internal */
export function rootShapeOf(kind: ConfigKind): string {
  return ROOTS[kind];
}
