/** The Temporal example: the Iris pipeline as activities, a worker shutdown and a resume included. */
import { describe, expect, it } from 'vitest';
import { main } from '../../examples/temporalPipeline.js';

describe('example:temporal', () => {
  it('trains once across a worker shutdown, then creates the model and runs the transform', async () => {
    // GIVEN the example WHEN it runs
    const lines: string[] = [];
    const run = await main((line) => lines.push(line));
    // THEN the shutdown left the job running and the second attempt finished that same job
    const [first, second, model, transform] = run.attempts;
    expect(first).toMatchObject({ attempt: 1, outcome: 'CancelledFailure: WORKER_SHUTDOWN' });
    expect(second).toMatchObject({ attempt: 2, outcome: 'completed', job: first!.job });
    expect(second!.statuses.at(-1)).toBe('Completed');
    expect(model!.outcome).toBe('completed');
    expect(transform).toMatchObject({ outcome: 'completed' });
    // AND one of each resource was made, and nothing was stopped
    expect(run.creates).toStrictEqual({
      CreateTrainingJob: 1,
      CreateModel: 1,
      CreateTransformJob: 1,
    });
    expect(run.stops).toBe(0);
    expect(run.transformOutput).toMatch(/^s3:\/\/sagemaker-us-east-2-123456789012\/knn-/);
    expect(lines.some((line) => line.includes('| activity | attempt | heartbeats |'))).toBe(true);
  });
});
