import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The examples import the package by name, as an application does; tsc and tsx resolve those
// names to the sources through tsconfig's `paths`, and vitest through these aliases built from them.
const { compilerOptions } = JSON.parse(readFileSync('./tsconfig.json', 'utf8')) as {
  compilerOptions: { paths: Record<string, [string]> };
};
const alias = Object.entries(compilerOptions.paths).map(([name, [target]]) => ({
  find: new RegExp(`^${name.replace(/[/-]/g, '\\$&')}$`),
  replacement: new URL(target, import.meta.url).pathname,
}));

export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
