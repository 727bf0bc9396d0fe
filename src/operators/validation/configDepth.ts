/**
 * How deep a config may nest. The deepest SageMaker request shape is about 12 levels; 100 leaves
 * room for map and list values the model types loosely, and stops cyclic or pathological values
 * (10,000 levels) long before the stack does.
 * @internal
 */
export const MAX_CONFIG_DEPTH = 100;
