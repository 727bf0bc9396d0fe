import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'imageUris/index': 'src/imageUris/index.ts',
    'frameworks/index': 'src/estimators/frameworks/index.ts',
    'tuner/index': 'src/estimators/tuner/index.ts',
    'operators/index': 'src/operators/index.ts',
    'recordio/index': 'src/recordio/index.ts',
    'pythonCompat/index': 'src/pythonCompat/index.ts',
    'testing/index': 'src/testing/index.ts',
    'testing/stepfunctions': 'src/testing/stepfunctions.ts',
    'stepfunctions/index': 'src/stepfunctions/index.ts',
    'stepfunctions/cdk/index': 'src/stepfunctions/cdk/index.ts',
    'airflow/index': 'src/airflow/index.ts',
    'temporal/index': 'src/temporal/index.ts',
    'arbitraries/index': 'src/arbitraries/index.ts',
    cli: 'src/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node22',
});
