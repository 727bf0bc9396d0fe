/**
 * `run`: Python's `Processor.run(...)` / `ScriptProcessor.run(code=...)` — the default-bucket
 * check, the uploads of the script and local inputs, role expansion and CreateProcessingJob.
 */
import { ValidationError } from '../../errors.js';
import { loadSageMakerSdk } from '../../internal/loadPeer.js';
import type { Processor } from '../../estimators/Processor.js';
import {
  processingJobRequest,
  type DirectProcessingSettings,
  type ProcessingRunOptions,
} from '../../direct/processingJobRequest.js';
import type { DirectSession } from './DirectSession.js';
import { uploadLocal } from './uploadLocal.js';

/** Options of {@link run}. */
export interface RunOptions extends ProcessingRunOptions {
  /** @default true */
  readonly wait?: boolean;
  /** @default true */
  readonly logs?: boolean;
  /** Settings the processor keeps that the Airflow config drops. @default - none */
  readonly settings?: DirectProcessingSettings;
}

/**
 * Starts a processing job as Python's `run` does.
 * @throws {@link ValidationError} for `logs` without `wait` (plain `Processor`), as Python.
 */
export async function run(
  direct: DirectSession,
  processor: Processor,
  options: RunOptions = {},
): Promise<{ jobName: string; request: Record<string, unknown> }> {
  // Only the plain Processor's run refuses logs without waiting (ScriptProcessor's does not).
  if (processor.kind === 'processor' && (options.logs ?? true) && options.wait === false) {
    throw new ValidationError('run.logs', true, 'logs only when waiting (wait: true)');
  }
  const job = await direct.build(() =>
    processingJobRequest(processor, options, options.settings ?? {}),
  );
  for (const upload of job.uploads) await uploadLocal(direct, upload);
  const request = { ...job.request, RoleArn: await direct.expandRole(job.role) };
  const { CreateProcessingJobCommand } = await loadSageMakerSdk();
  await direct.clients.sagemaker.send(new CreateProcessingJobCommand(request as never));
  return { jobName: job.jobName, request };
}
