/** Python truthiness of a config value: `None`, `False`, `0`, `""`, `[]` and `{}` are false. */
import { isPyFloat } from './pyFloat.js';

export function pyTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0;
  if (isPyFloat(value)) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
