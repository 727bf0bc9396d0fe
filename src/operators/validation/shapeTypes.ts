/**
 * The project's compact form of the SageMaker API shapes that pre-submit validation and number
 * coercion read. `scripts/generateValidation.ts` writes `generated/shapes.ts` in this form from the
 * botocore service model; nothing here is written by hand except these types.
 * @internal
 */

/** Numeric shape types: they arrive from templates as strings and are coerced back. */
export type NumericType = 'integer' | 'long' | 'float' | 'double';

/** One named shape of the service model, re-expressed compactly. @internal */
export type Shape =
  | {
      readonly t: 'structure';
      /** Member name → shape name, in the model's order. */
      readonly m: Readonly<Record<string, string>>;
      /** Required member names. */
      readonly r?: readonly string[];
    }
  | { readonly t: 'list'; readonly m: string; readonly min?: number; readonly max?: number }
  | {
      readonly t: 'map';
      readonly k: string;
      readonly v: string;
      readonly min?: number;
      readonly max?: number;
    }
  | {
      readonly t: 'string';
      /** Length bounds in UTF-16 code units, as the service (Java) counts them. */
      readonly min?: number;
      readonly max?: number;
      /** Index into the generated `PATTERNS`. */
      readonly p?: number;
      /** Allowed values. */
      readonly e?: readonly string[];
    }
  | { readonly t: NumericType; readonly min?: number; readonly max?: number }
  | { readonly t: 'boolean' | 'timestamp' | 'blob' };

/** All shapes by name. @internal */
export type ShapeTable = Readonly<Record<string, Shape>>;

/** A pattern converted from the model's Java regex: JavaScript source (anchored) and flags. @internal */
export type PatternSource = readonly [source: string, flags: '' | 'u'];
