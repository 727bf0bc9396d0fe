/**
 * Python's number text: `repr(float)`, `str(int)`, and the exactly rounded fixed and exponent forms
 * behind `%f`, `%e`, `%g` and `format()`. JavaScript's `toFixed` rounds ties away from zero
 * (`(2.5).toFixed(0)` is `"3"`) where Python rounds the exact binary value half to even (`"2"`),
 * so both work from the exact decimal expansion of the double.
 * @internal
 */

/** `str(n)` of a Python int held as an integral JavaScript number. @internal */
export function intText(n: number): string {
  if (Object.is(n, -0)) return '0';
  return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
}

/** `repr(x)` (and `str(x)`) of a Python float. @internal */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest digits that round-trip, as Python's repr.
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exp < -4 || exp >= 16) {
    const rest = digits.slice(1);
    const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return `${sign}${digits[0] ?? ''}${rest === '' ? '' : `.${rest}`}e${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac === '' ? '0' : frac}`;
}

/** The exact decimal digits of a finite |x| and the position of its decimal point. */
function exactDecimal(x: number): { digits: string; point: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  if (exp >= 0) {
    const digits = (mantissa << BigInt(exp)).toString();
    return { digits, point: digits.length };
  }
  // m / 2^k = m * 5^k / 10^k
  const digits = (mantissa * 5n ** BigInt(-exp)).toString().padStart(-exp + 1, '0');
  return { digits, point: digits.length + exp };
}

/** Rounds a digit string to `keep` digits, half to even on the exact value; may grow by one digit. */
function roundDigits(digits: string, keep: number): string {
  if (keep < 0) return '';
  if (digits.length <= keep) return digits.padEnd(keep, '0');
  const head = digits.slice(0, keep);
  const next = digits.charCodeAt(keep) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
  const lastOdd = keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1;
  const up = next > 5 || (next === 5 && (restNonZero || lastOdd));
  if (!up) return head;
  if (head === '') return '1';
  return (BigInt(head) + 1n).toString().padStart(keep, '0');
}

/** `%.{precision}f` of a finite number, without the sign. @internal */
export function fixedDigits(x: number, precision: number): string {
  const { digits, point } = exactDecimal(x);
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits;
  const intLen = Math.max(point, 1);
  const rounded = roundDigits(padded, intLen + precision);
  const whole = rounded.slice(0, rounded.length - precision) || '0';
  const frac = rounded.slice(rounded.length - precision);
  return precision > 0
    ? `${whole.replace(/^0+(?=\d)/, '')}.${frac}`
    : whole.replace(/^0+(?=\d)/, '');
}

/** The digits of `%.{precision}e` of a finite number and its decimal exponent. @internal */
export function exponentDigits(x: number, precision: number): { digits: string; exp: number } {
  if (x === 0) return { digits: '0'.repeat(precision + 1), exp: 0 };
  const { digits, point } = exactDecimal(x);
  const lead = digits.search(/[1-9]/);
  let exp = point - lead - 1;
  let rounded = roundDigits(digits.slice(lead), precision + 1);
  if (rounded.length > precision + 1) {
    rounded = rounded.slice(0, precision + 1);
    exp += 1;
  }
  return { digits: rounded, exp };
}

/** `%.{precision}e` of a finite number, without the sign. @internal */
export function exponentText(x: number, precision: number, alternate: boolean): string {
  const { digits, exp } = exponentDigits(x, precision);
  const frac = digits.slice(1);
  const point = frac === '' && !alternate ? '' : '.';
  const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${digits[0] ?? '0'}${point}${frac}e${e}`;
}

/** `%.{precision}g` of a finite number, without the sign (Python's general format). @internal */
export function generalText(x: number, precision: number, alternate: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const { exp } = exponentDigits(x, p - 1);
  let text: string;
  if (exp >= -4 && exp < p) text = fixedDigits(x, p - 1 - exp);
  else text = exponentText(x, p - 1, true);
  if (alternate) return text.includes('.') ? text : text.replace(/(e|$)/, '.$1');
  const [mantissa = '', e] = text.split('e');
  const trimmed = mantissa.includes('.')
    ? mantissa.replace(/0+$/, '').replace(/\.$/, '')
    : mantissa;
  return e === undefined ? trimmed : `${trimmed}e${e}`;
}
