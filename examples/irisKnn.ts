/**
 * The Iris KNN pipeline of the Python SDK's Airflow tutorial, as configs: train KNN (k=3 on the 4
 * Iris features), create the model, batch-transform CSV data line by line. Prints each config.
 *
 * Run: npm run example
 */
import {
  createSession,
  Estimator,
  modelConfigFromEstimator,
  prepareTrainingJob,
  transformConfigFromEstimator,
  completeTrainingConfigFor,
} from '../src/index.js';

const session = createSession({
  region: 'us-east-2',
  defaultBucket: 'sagemaker-us-east-2-123456789012',
  defaultBucketPrefix: 'iris-knn',
});
const role = 'arn:aws:iam::123456789012:role/SageMakerRole';

// The built-in KNN algorithm's image in us-east-2 (later: the KNN class and imageUris.retrieve).
const knn = new Estimator({
  session,
  role,
  imageUri: '404615174143.dkr.ecr.us-east-2.amazonaws.com/knn:1',
  instanceCount: 1,
  instanceType: 'ml.m5.large',
  baseJobName: 'iris-knn',
  hyperparameters: { k: 3, feature_dim: 4, sample_size: 150, predictor_type: 'classifier' },
});

const training = prepareTrainingJob(knn, { inputs: { train: 's3://sagemaker-us-east-2-123456789012/iris-knn/train' } });
const trainConfig = completeTrainingConfigFor(knn, training);

const modelConfig = modelConfigFromEstimator(knn, {
  taskId: 'train',
  taskType: 'training',
  trainingRun: training.run,
  instanceType: 'ml.m5.large',
});

const transform = transformConfigFromEstimator(knn, {
  taskId: 'train',
  taskType: 'training',
  trainingRun: training.run,
  instanceCount: 1,
  instanceType: 'ml.m5.large',
  data: 's3://sagemaker-us-east-2-123456789012/iris-knn/batch',
  contentType: 'text/csv',
  splitType: 'Line',
});

for (const [step, config] of [
  ['1. train', trainConfig],
  ['2. model', modelConfig],
  ['3. batch transform', transform],
] as const) {
  console.log(`\n# ${step}\n${JSON.stringify(config, null, 2)}`);
}
