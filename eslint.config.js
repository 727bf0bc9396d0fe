import { readdirSync } from 'node:fs';
import { defineConfig } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** `./src/<entry>` for each file and folder of src/ but the ones named. */
const srcExcept = (...names) =>
  readdirSync(new URL('./src', import.meta.url))
    .filter((name) => !names.includes(name))
    .map((name) => `./src/${name}`);

/** The layers of STYLE.md §0: imports run one way, and nothing under src/ reaches testing. */
const LAYER_ZONES = [
  { target: './src/estimators', from: './src/config', message: 'estimators sit below config' },
  { target: './src/config', from: './src/operators', message: 'config builders make JSON only' },
  {
    target: srcExcept('testing'),
    from: './src/testing',
    message: 'nothing under src/ imports the local endpoints',
  },
  { target: './src/imageUris', from: './src/estimators', message: 'imageUris knows no estimator' },
  { target: './src/recordio', from: './src/operators', message: 'recordio knows nothing of S3' },
  {
    // The local Step Functions runner routes each task to an operator, as the exporters do.
    target: srcExcept(
      'operators',
      'cli.ts',
      'cli',
      'stepfunctions',
      'airflow',
      'temporal',
      'direct',
    )
      .filter((path) => path !== './src/testing')
      .concat(
        readdirSync(new URL('./src/testing', import.meta.url))
          .filter((name) => name !== 'stepfunctions.ts')
          .map((name) => `./src/testing/${name}`),
      ),
    from: './src/operators',
    // The API constraints are plain data and checks: the local endpoint judges requests by them.
    except: ['./validation'],
    message: 'only the cli and the exporters build on the operators',
  },
];

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/parity/cases/**',
      '**/generated/**',
      'docs/api/**',
      'airflow-dags/**',
    ],
  },
  ...tseslint.configs.strictTypeChecked,
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse the .ts files the imports reach, so that no-cycle follows them.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'test/operators/child/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // The builders check their input at run time for JavaScript callers and untyped data
      // (a number where a list belongs must give a typed error), which this rule calls dead code.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The barrels re-export the deprecated aliases on purpose, until they are removed.
    files: ['src/**/index.ts'],
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
  {
    files: ['test/**', 'scripts/**', 'bench/**', 'examples/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
