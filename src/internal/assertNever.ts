/** Exhaustiveness check of a `switch` over a union's `kind`. @internal */
export function assertNever(value: never): never {
  throw new TypeError(`Unexpected value: ${JSON.stringify(value)}`);
}
