import { readFileSync } from 'node:fs';
import { CliInputError } from './CliInputError.js';

/**
 * Reads and parses a JSON file named on the command line; `-` reads standard input.
 * @throws CliInputError when the file cannot be read or is not JSON.
 * @internal
 */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new CliInputError(`Cannot read the ${what} ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliInputError(`The ${what} ${path} is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
