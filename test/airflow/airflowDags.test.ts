/** The Airflow example: both DAG files written to a folder and passed by the checker. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../examples/airflowDags.js';

describe('example:airflow', () => {
  it('writes the Iris KNN and recommender DAGs and checks them', () => {
    // GIVEN an empty folder WHEN the example runs
    const folder = mkdtempSync(join(tmpdir(), 'airflow-dags-'));
    const lines: string[] = [];
    const written = main(folder, (line) => lines.push(line));
    // THEN both files are there, as the DAGs hold them, each checked task by task
    expect(written.map((w) => w.dag.fileName)).toStrictEqual(['iris_knn.py', 'fm_recommender.py']);
    for (const { dag, file, report } of written) {
      expect(readFileSync(file, 'utf8')).toBe(dag.source);
      expect(report.tasks.map((t) => t.operator)).toStrictEqual(dag.tasks.map((t) => t.className));
    }
    expect(lines).toContain('  transform: SageMakerTransformOperator after model');
  });
});
