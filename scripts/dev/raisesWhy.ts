import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { adapter } from '../../test/parity/adapter/index.js';
import { runCase } from '../../test/parity/runner.js';
const file = resolve(process.argv[2]!);
process.chdir(dirname(file));
const seen = new Set<string>();
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const c = JSON.parse(line);
  if (!c.raises) continue;
  // run with raises removed to capture our error
  const { raises: _raises, ...rest } = c;
  const out = runCase(adapter, { ...rest, expect: null }, dirname(file));
  const ours = out.passed ? 'PASSED?!' : out.reason;
  const key = `${String(c.raises_message).slice(0, 50)} || ${ours.slice(0, 80)}`;
  if (seen.has(key)) continue;
  seen.add(key);
  console.log(
    `${c.id}\n   PY: ${c.raises}: ${c.raises_message.slice(0, 140)}\n   TS: ${ours.slice(0, 200)}`,
  );
}
