/**
 * The one JSON line a child of lazyPeers.test.ts prints: whether its import worked (`imported`,
 * else `importError`), what the loaded module reports of itself, and what its first use threw
 * (`used`: the error's name, code, packageName and message, or `'no error'`).
 */

/** Loads with `load`, uses the result once with `use`, and prints the outcome as one JSON line. */
export async function printOutcome<T>(
  load: () => Promise<T>,
  use: (loaded: T) => Promise<unknown>,
  describe: (loaded: T) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const outcome: Record<string, unknown> = {};
  try {
    const loaded = await load();
    outcome['imported'] = true;
    Object.assign(outcome, describe(loaded));
    try {
      await use(loaded);
      outcome['used'] = 'no error';
    } catch (error) {
      const e = error as { name?: string; code?: string; packageName?: string; message?: string };
      outcome['used'] = {
        name: e.name,
        code: e.code,
        packageName: e.packageName,
        message: e.message,
      };
    }
  } catch (error) {
    outcome['imported'] = false;
    outcome['importError'] = String(error);
  }
  console.log(JSON.stringify(outcome));
}
