/**
 * Tag keys and values with characters of Unicode 14 to 16 (issue 17, low): the validator's tag
 * patterns accept exactly what the AWS tag pattern `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` accepts. A
 * letter or digit added in Unicode 15 or 16 is `\p{L}` or `\p{N}` and passes; an emoji (general
 * category So, Symbol other) does not, however new.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/operators/validation/index.js';
import { trainingConfig } from '../fixtures.js';

/** The pattern of `TagKey` and `TagValue` as the API reference prints it (Tag, SageMaker API). */
const AWS_TAG_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

/** The rules the validator breaks for one tag `{ Key, Value }` of a training config. */
function tagProblems(Key: string, Value: string): string[] {
  return validateConfig('training', trainingConfig('tags', { Tags: [{ Key, Value }] }))
    .filter((p) => p.path.startsWith('Tags'))
    .map((p) => `${p.path} ${p.rule}`);
}

const chr = (codePoint: number): string => String.fromCodePoint(codePoint);

/** Letters and digits added in Unicode 14, 15, 15.1 and 16, with their general category. */
const NEW_LETTERS_AND_DIGITS = [
  ['TOTO LETTER PA (14.0, Lo)', 0x1e290],
  ['TANGSA DIGIT ZERO (14.0, Nd)', 0x16ac0],
  ['KAWI LETTER A (15.0, Lo)', 0x11f04],
  ['KAWI DIGIT ZERO (15.0, Nd)', 0x11f50],
  ['CJK UNIFIED IDEOGRAPH-2EBF0 (15.1, Lo)', 0x2ebf0],
  ['GARAY CAPITAL LETTER A (16.0, Lu)', 0x10d50],
  ['GARAY DIGIT ZERO (16.0, Nd)', 0x10d40],
  ['OL ONAL LETTER O (16.0, Lo)', 0x1e5d0],
] as const;

/** Emoji added in Unicode 15 and 16: symbols (So), which the AWS pattern refuses. */
const NEW_EMOJI = [
  ['SHAKING FACE (15.0, So)', 0x1fae8],
  ['RIGHTWARDS PUSHING HAND (15.0, So)', 0x1faf8],
  ['HARP (16.0, So)', 0x1fa89],
] as const;

describe('tag keys and values of Unicode 14-16', () => {
  it('runs on a JavaScript engine that knows Unicode 16', () => {
    // The patterns are matched by the engine's own Unicode tables: on an engine older than
    // Unicode 16, a Garay letter would be unassigned (Cn) and refused, where AWS takes it.
    expect(Number(process.versions.unicode?.split('.')[0])).toBeGreaterThanOrEqual(16);
  });

  it.each(NEW_LETTERS_AND_DIGITS)('accepts %s in a key and a value', (name, codePoint) => {
    // GIVEN a tag whose key and value hold a new letter or digit among ASCII
    const text = `team-${chr(codePoint)}${chr(codePoint)}:1`;
    // WHEN validated, THEN neither is refused, as the AWS pattern takes both
    expect(AWS_TAG_PATTERN.test(text), name).toBe(true);
    expect(tagProblems(text, text), name).toStrictEqual([]);
  });

  it.each(NEW_EMOJI)('refuses %s in a key and in a value by the pattern', (name, codePoint) => {
    // GIVEN a tag with a new emoji in its key, then in its value
    const text = `team${chr(codePoint)}`;
    // WHEN validated, THEN the pattern rule refuses the field that holds it, as AWS does
    expect(AWS_TAG_PATTERN.test(text), name).toBe(false);
    expect(tagProblems(text, 'v'), name).toStrictEqual(['Tags[0].Key pattern']);
    expect(tagProblems('k', text), name).toStrictEqual(['Tags[0].Value pattern']);
  });

  it('accepts exactly what the AWS pattern accepts, over characters of the new blocks', () => {
    // GIVEN keys of up to 20 characters drawn from ASCII, separators and the supplementary
    // planes where Unicode 14-16 added most (letters, digits, marks, emoji and unassigned)
    const codePoint = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constantFrom(0x00a0, 0x2028, 0x200d, 0x3000),
      fc.integer({ min: 0x10000, max: 0x1ffff }),
      fc.integer({ min: 0x2ebf0, max: 0x2ee5f }),
    );
    const key = fc
      .array(codePoint, { minLength: 1, maxLength: 20 })
      .map((points) => String.fromCodePoint(...points))
      .filter((k) => !k.toLowerCase().startsWith('aws:'));
    fc.assert(
      fc.property(key, (k) => {
        // WHEN validated as a key and as a value, THEN refused by the pattern exactly when the
        // AWS pattern refuses it
        const refused = !AWS_TAG_PATTERN.test(k);
        expect(tagProblems(k, 'v')).toStrictEqual(refused ? ['Tags[0].Key pattern'] : []);
        expect(tagProblems('k', k)).toStrictEqual(refused ? ['Tags[0].Value pattern'] : []);
      }),
      { numRuns: 2000 },
    );
  });
});
