/**
 * Child process of `recordSet.bench.ts`: streams an N-row sparse one-hot matrix (customers ×
 * videos, one 1.0 a row) with `recordSet` to the local S3 endpoint given, then prints
 * `{ seconds, bytes, maxRssMb }` as JSON. Run apart so that its peak RSS is the upload's alone.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { KNN } from '../src/estimators/amazon/KNN.js';
import { DirectSession } from '../src/operators/direct/DirectSession.js';
import { recordSet, type RecordBatch } from '../src/operators/direct/recordSet.js';

const [endpoint = '', rowsText = '1000000'] = process.argv.slice(2);
const rows = Number(rowsText);
const cols = 10_000;
const batchRows = 50_000;
const credentials = { accessKeyId: 'bench', secretAccessKey: 'bench' };
const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
const direct = new DirectSession({
  region: 'us-east-1',
  defaultBucket: 'records',
  clients: { s3, sagemaker: new SageMakerClient({ region: 'us-east-1', credentials }) },
});
await direct.defaultBucket();
const knn = new KNN({
  session: direct.session,
  role: 'arn:aws:iam::123456789012:role/Bench',
  instanceCount: 2,
  instanceType: 'ml.m5.large',
  k: 10,
  sampleSize: 1000,
  predictorType: 'classifier',
  dataLocation: 's3://records/bench/',
});

function* batches(): Generator<RecordBatch> {
  for (let start = 0; start < rows; start += batchRows) {
    const n = Math.min(batchRows, rows - start);
    yield {
      matrix: {
        shape: [n, cols],
        data: new Float32Array(n).fill(1),
        indices: Int32Array.from({ length: n }, (_, i) => ((start + i) * 7919) % cols),
        indptr: Int32Array.from({ length: n + 1 }, (_, i) => i),
      },
      labels: Float32Array.from({ length: n }, (_, i) => (start + i) % 2),
    };
  }
}

const started = performance.now();
let bytes = 0;
const counting = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
await recordSet(direct, knn, { numRecords: rows, featureDim: cols, batches: batches() });
const seconds = (performance.now() - started) / 1000;
// Sizes from the listing, not from memory: the upload kept no copy.
const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
const listed = await counting.send(
  new ListObjectsV2Command({ Bucket: 'records', Prefix: 'bench/' }),
);
for (const o of listed.Contents ?? []) bytes += o.Size ?? 0;
console.log(JSON.stringify({ seconds, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
