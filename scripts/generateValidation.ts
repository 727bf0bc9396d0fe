/**
 * `npm run generate:validation -- <path to sagemaker-service-2.json(.gz)>`
 *
 * Reads the botocore SageMaker service model and writes
 * `src/operators/validation/generated/shapes.ts`: the request shapes of the Create calls the
 * operators make, and every shape reachable from them, in the project's compact form
 * (see `src/operators/validation/shapeTypes.ts`). Documentation strings are dropped; patterns are
 * converted from Java regex syntax to anchored JavaScript RegExp sources, and the script fails
 * when it meets a construct it cannot convert faithfully.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { PatternSource, Shape } from '../src/operators/validation/shapeTypes.js';

/** The Create call whose request each config kind is. Kept in step with `ConfigKind`. */
export const ROOT_OPERATIONS = {
  training: 'CreateTrainingJob',
  tuning: 'CreateHyperParameterTuningJob',
  model: 'CreateModel',
  transform: 'CreateTransformJob',
  endpointConfig: 'CreateEndpointConfig',
  endpoint: 'CreateEndpoint',
  processing: 'CreateProcessingJob',
} as const;

interface ModelMember {
  readonly shape: string;
}
interface ModelShape {
  readonly type: string;
  readonly members?: Readonly<Record<string, ModelMember>>;
  readonly required?: readonly string[];
  readonly member?: ModelMember;
  readonly key?: ModelMember;
  readonly value?: ModelMember;
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}
interface ServiceModel {
  readonly metadata: { readonly apiVersion: string; readonly uid?: string };
  readonly operations: Readonly<Record<string, { readonly input?: ModelMember }>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

// Java's `\s` is ASCII-only ([ \t\n\x0B\f\r]); JavaScript's also matches Unicode spaces.
const JAVA_SPACE = '\\t-\\r ';
const JAVA_NON_SPACE_U = '\\0-\\x08\\x0E-\\x1F!-\\u{10FFFF}';
const JAVA_NON_SPACE = '\\0-\\x08\\x0E-\\x1F!-\\uFFFF';
// Java's `.` excludes these line terminators; JavaScript's does not exclude U+0085.
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
// POSIX classes in Java are ASCII-only unless UNICODE_CHARACTER_CLASS is set (it is not).
const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\0-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE + '\\x0B',
};
// Characters that JavaScript allows after a backslash in `u` mode (outside / inside a class).
const U_IDENTITY = new Set('^$\\.*+?()[]{}|/'.split(''));

/**
 * Converts one pattern of the service model (Java `java.util.regex` syntax, matched against the
 * whole value) to an anchored JavaScript RegExp source and the flags it needs.
 * @throws Error when the pattern uses a construct with no faithful JavaScript equivalent.
 */
export function javaPatternToJs(java: string): PatternSource {
  const convert = (unicode: boolean): string => {
    let out = '';
    let inClass = false;
    for (let i = 0; i < java.length; i++) {
      const c = java[i]!;
      if (c === '\\') {
        const n = java[i + 1];
        if (n === undefined) throw new Error(`dangling backslash in ${java}`);
        i++;
        if (n === 'p' || n === 'P') {
          const m = /^\{([A-Za-z_]+)\}/.exec(java.slice(i + 1));
          if (!m) throw new Error(`unsupported \\${n} in ${java}`);
          i += m[0].length;
          const name = m[1]!;
          const posix = POSIX[name];
          if (posix !== undefined) {
            if (n === 'P') {
              if (inClass) throw new Error(`negated POSIX class inside a class in ${java}`);
              out += `[^${posix}]`;
            } else out += inClass ? posix : `[${posix}]`;
          } else if (
            /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|S|Z|Zs|Zl|Zp|C|Cc|Cf)$/.test(name)
          ) {
            if (!unicode) throw new Error('needs u');
            out += `\\${n}{${name}}`;
          } else throw new Error(`unsupported property \\${n}{${name}} in ${java}`);
          continue;
        }
        if (n === 's') {
          out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
          continue;
        }
        if (n === 'S') {
          const non = unicode ? JAVA_NON_SPACE_U : JAVA_NON_SPACE;
          out += inClass ? non : `[${non}]`;
          continue;
        }
        if ('dDwWbB'.includes(n)) {
          // ASCII in both languages.
          out += `\\${n}`;
          continue;
        }
        if ('tnrf0'.includes(n)) {
          out += `\\${n}`;
          continue;
        }
        if (n === 'u') {
          const hex = java.slice(i + 1, i + 5);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`bad \\u escape in ${java}`);
          out += `\\u${hex}`;
          i += 4;
          // A surrogate pair written as two escapes is one code point in Java; JavaScript reads it
          // the same way only in `u` mode.
          if (/^[dD][89abAB]/.test(hex) && !unicode) throw new Error('needs u');
          continue;
        }
        if (n === 'x') {
          const hex = java.slice(i + 1, i + 3);
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error(`bad \\x escape in ${java}`);
          out += `\\x${hex}`;
          i += 2;
          continue;
        }
        if (/[A-Za-z0-9]/.test(n)) {
          // \A \Z \z \G \Q \E \h \v \R, back-references, octal: none appear in the model; refuse
          // rather than guess.
          throw new Error(`unsupported escape \\${n} in ${java}`);
        }
        // Java lets any other character be escaped to stand for itself.
        if (U_IDENTITY.has(n) || (inClass && n === '-')) out += `\\${n}`;
        else out += n;
        continue;
      }
      if (inClass) {
        if (c === '[') throw new Error(`nested class or class union in ${java}`);
        if (c === '&' && java[i + 1] === '&') throw new Error(`class intersection in ${java}`);
        if (c === ']') inClass = false;
        out += c;
        continue;
      }
      if (c === '[') {
        inClass = true;
        out += c;
        if (java[i + 1] === '^') {
          out += '^';
          i++;
        }
        // A `]` right after `[` or `[^` is a literal in Java.
        if (java[i + 1] === ']') {
          out += '\\]';
          i++;
        }
        continue;
      }
      if (c === '(' && java[i + 1] === '?') {
        const rest = java.slice(i + 2);
        if (!/^(:|=|!|<=|<!)/.test(rest))
          throw new Error(`unsupported group (?${rest[0]} in ${java}`);
        out += c;
        continue;
      }
      if (
        (c === '+' || c === '?') &&
        i > 0 &&
        /[*+?}]/.test(java[i - 1]!) &&
        java[i - 2] !== '\\'
      ) {
        // `x*?` is lazy in both; `x*+` is possessive in Java only.
        if (c === '+') throw new Error(`possessive quantifier in ${java}`);
      }
      if (c === '.') {
        out += JAVA_DOT;
        continue;
      }
      if (c === '$' || c === '^') {
        // Java accepts a quantified anchor (`$` + `{1,128}`, found in the model); JavaScript
        // refuses it. Repeating a zero-width assertion changes nothing, and allowing zero
        // repeats makes it a no-op.
        const q = /^(?:\{(\d+)(?:,\d*)?\}|([*+?]))/.exec(java.slice(i + 1));
        if (q) {
          i += q[0].length;
          const min = q[1] !== undefined ? Number(q[1]) : q[2] === '+' ? 1 : 0;
          if (min > 0) out += c;
          continue;
        }
      }
      out += c;
    }
    if (inClass) throw new Error(`unterminated class in ${java}`);
    return `^(?:${out})$`;
  };
  // Java matches code points, as JavaScript does in `u` mode; use it unless the pattern cannot be
  // written that way, and then only if the pattern never depends on it.
  try {
    const source = convert(true);
    new RegExp(source, 'u');
    return [source, 'u'];
  } catch (error) {
    if (error instanceof Error && error.message !== 'needs u' && !(error instanceof SyntaxError)) {
      throw error;
    }
  }
  const source = convert(false);
  new RegExp(source);
  return [source, ''];
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function compactShape(name: string, shape: ModelShape, patternIndex: (p: string) => number): Shape {
  const bounds = {
    ...(shape.min !== undefined ? { min: shape.min } : {}),
    ...(shape.max !== undefined ? { max: shape.max } : {}),
  };
  switch (shape.type) {
    case 'structure': {
      const m = Object.fromEntries(
        Object.entries(shape.members ?? {}).map(([k, v]) => [k, v.shape]),
      );
      return shape.required?.length
        ? { t: 'structure', m, r: shape.required }
        : { t: 'structure', m };
    }
    case 'list':
      return { t: 'list', m: shape.member!.shape, ...bounds };
    case 'map':
      return { t: 'map', k: shape.key!.shape, v: shape.value!.shape, ...bounds };
    case 'string':
      return {
        t: 'string',
        ...bounds,
        ...(shape.pattern !== undefined ? { p: patternIndex(shape.pattern) } : {}),
        ...(shape.enum ? { e: shape.enum } : {}),
      };
    case 'integer':
      // The model's `integer` is 32-bit (Smithy's and Java's int): a value beyond it cannot be
      // sent, though the shape states no bound of its own.
      return {
        t: 'integer',
        min: Math.max(shape.min ?? INT32_MIN, INT32_MIN),
        max: Math.min(shape.max ?? INT32_MAX, INT32_MAX),
      };
    case 'long':
    case 'float':
    case 'double':
      return { t: shape.type, ...bounds };
    case 'boolean':
    case 'timestamp':
    case 'blob':
      return { t: shape.type };
    default:
      throw new Error(`shape ${name} has type ${shape.type}, which validation does not handle`);
  }
}

/** Builds the generated module's text from a parsed service model. */
export function renderShapesModule(model: ServiceModel): string {
  const reachable = new Set<string>();
  const visit = (name: string): void => {
    if (reachable.has(name)) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`shape ${name} is referenced but not defined`);
    reachable.add(name);
    for (const member of Object.values(shape.members ?? {})) visit(member.shape);
    if (shape.member) visit(shape.member.shape);
    if (shape.key) visit(shape.key.shape);
    if (shape.value) visit(shape.value.shape);
  };
  const roots: Record<string, string> = {};
  for (const [kind, operation] of Object.entries(ROOT_OPERATIONS)) {
    const input = model.operations[operation]?.input?.shape;
    if (!input) throw new Error(`operation ${operation} has no input shape`);
    roots[kind] = input;
    visit(input);
  }

  const patterns: PatternSource[] = [];
  const patternIds = new Map<string, number>();
  const patternIndex = (java: string): number => {
    let id = patternIds.get(java);
    if (id === undefined) {
      id = patterns.length;
      patterns.push(javaPatternToJs(java));
      patternIds.set(java, id);
    }
    return id;
  };
  const names = [...reachable].sort();
  const shapes = names.map((n) => [n, compactShape(n, model.shapes[n]!, patternIndex)] as const);

  const lines = [
    '// @generated by scripts/generateValidation.ts from the SageMaker service model',
    `// (${model.metadata.uid ?? model.metadata.apiVersion}). Do not edit: run \`npm run generate:validation -- <model>\`.`,
    '/* eslint-disable */',
    "import type { PatternSource, ShapeTable } from '../shapeTypes.js';",
    '',
    '/** Request shape of each config kind. */',
    `export const ROOTS = ${JSON.stringify(roots)} as const;`,
    '',
    '/** Patterns converted from the model (Java regex) to anchored JavaScript sources. */',
    'export const PATTERNS: readonly PatternSource[] = [',
    ...patterns.map((p) => `  ${JSON.stringify(p)},`),
    '];',
    '',
    '/** Every shape reachable from the roots, by name. */',
    'export const SHAPES: ShapeTable = {',
    ...shapes.map(([n, s]) => `  ${JSON.stringify(n)}: ${JSON.stringify(s)},`),
    '};',
    '',
  ];
  return lines.join('\n');
}

function main(argv: readonly string[]): void {
  const input = argv[0];
  if (!input) {
    console.error('usage: generateValidation <sagemaker-service-2.json[.gz]>');
    process.exit(2);
  }
  const raw = readFileSync(input);
  const text = (input.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const model = JSON.parse(text) as ServiceModel;
  const here = dirname(fileURLToPath(import.meta.url));
  const out = resolve(join(here, '..', 'src', 'operators', 'validation', 'generated', 'shapes.ts'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderShapesModule(model));
  console.log(`wrote ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
