import { describe, expect, it } from 'vitest';
import { javaPatternToJs } from '../../../scripts/generateValidation.js';
import { PATTERNS, ROOTS, SHAPES } from '../../../src/operators/validation/generated/shapes.js';
import { CROSS_FIELD_RULES } from '../../../src/operators/validation/crossFieldRules.js';

function matcher(java: string): RegExp {
  const [source, flags] = javaPatternToJs(java);
  return new RegExp(source, flags);
}

describe('generated shapes', () => {
  it.each(PATTERNS.map((p, i) => [i, p] as const))(
    'pattern %i compiles with its flags',
    (_i, [source, flags]) => {
      expect(() => new RegExp(source, flags)).not.toThrow();
      expect(source.startsWith('^(?:') && source.endsWith(')$')).toBe(true);
    },
  );

  it('references only shapes it defines', () => {
    const missing: string[] = [];
    const need = (name: string) => {
      if (!(name in SHAPES)) missing.push(name);
    };
    Object.values(ROOTS).forEach(need);
    for (const shape of Object.values(SHAPES)) {
      if (shape.t === 'structure') Object.values(shape.m).forEach(need);
      if (shape.t === 'list') need(shape.m);
      if (shape.t === 'map') {
        need(shape.k);
        need(shape.v);
      }
      if (shape.t === 'string' && shape.p !== undefined) expect(PATTERNS[shape.p]).toBeDefined();
    }
    expect(missing).toStrictEqual([]);
  });

  it('attaches every cross-field rule to a shape that exists', () => {
    expect(Object.keys(CROSS_FIELD_RULES).filter((name) => !(name in SHAPES))).toStrictEqual([]);
  });
  // Whether the shapes are up to date with the service model, and whether every pattern of the
  // whole model converts, is `npm run check:generated` (the model is not in the repository).
});

describe('javaPatternToJs', () => {
  it('matches the whole value, as Java matches() does', () => {
    const name = matcher('[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}');
    expect(name.test('knn-2024-01-01')).toBe(true);
    expect(name.test('a--b')).toBe(true);
    expect(name.test('knn_job')).toBe(false);
    expect(name.test('-knn')).toBe(false);
    expect(name.test('knn-')).toBe(false);
    expect(name.test('a'.repeat(63))).toBe(true);
    expect(name.test('a'.repeat(64))).toBe(false);
  });

  it('reads POSIX classes as ASCII, as Java does', () => {
    const arn = matcher('arn:[\\p{Alnum}\\-]+:lambda:.*');
    expect(arn.test('arn:aws-cn:lambda:x')).toBe(true);
    expect(arn.test('arn:aws\u00e9:lambda:x')).toBe(false);
  });

  it('keeps Unicode categories and needs the u flag for them', () => {
    const [, flags] = javaPatternToJs('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)');
    expect(flags).toBe('u');
    const tag = matcher('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)');
    expect(tag.test('Équipe 7: a/b=c+d-e@f')).toBe(true);
    expect(tag.test('semi;colon')).toBe(false);
  });

  it("reads \\s as Java's ASCII whitespace and . as any but Java's line terminators", () => {
    const nonBlank = matcher('(?!\\s*$).+');
    expect(nonBlank.test('  x ')).toBe(true);
    expect(nonBlank.test(' \t ')).toBe(false);
    // U+00A0 is not whitespace to Java's \s, so a lone no-break space is not blank.
    expect(nonBlank.test('\u00a0')).toBe(true);
    expect(matcher('.*').test('a\u0085b')).toBe(false);
    expect(matcher('.*').test('a\nb')).toBe(false);
    expect(matcher('[\\S\\s]*').test('a\nb\u0085')).toBe(true);
  });

  it('reads a surrogate pair of escapes as one supplementary code point', () => {
    const xml = matcher('[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*');
    expect(xml.test('ok \t 😀')).toBe(true);
    expect(xml.test('bad \u0001')).toBe(false);
    expect(xml.test('lone \ud800')).toBe(false);
  });

  it('drops the repeat of a quantified anchor, which Java accepts and JavaScript refuses', () => {
    const tagValue = matcher('([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}');
    expect(tagValue.test('a b')).toBe(true);
    expect(tagValue.test('a;b')).toBe(false);
  });

  it('refuses constructs without a faithful JavaScript form', () => {
    expect(() => javaPatternToJs('a*+')).toThrow(/possessive/);
    expect(() => javaPatternToJs('(?>a)')).toThrow(/unsupported group/);
    expect(() => javaPatternToJs('(?i)a')).toThrow(/unsupported group/);
    expect(() => javaPatternToJs('[a-z&&[^e]]')).toThrow();
    expect(() => javaPatternToJs('\\Aa\\z')).toThrow(/unsupported escape/);
    expect(() => javaPatternToJs('\\p{InGreek}')).toThrow(/unsupported property/);
  });
});
