/**
 * What a processing job does with S3, decided when it is created: each S3 input must hold an
 * object (the job fails otherwise); the completed job writes each output's files under its
 * `S3Uri`: the files a test gave for its `LocalPath` ({@link JobBehaviour.outputFiles}), else the
 * files of that path on this machine when it is a folder here (empty files are fine), else none.
 * @internal
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { str, type Json } from './protocol.js';
import type { JobRun } from './ResourceStore.js';
import { dataSourceObjects, joinUri, MissingDataError, writeObject } from './s3Data.js';
import type { Simulation } from './Simulation.js';
import type { JobBehaviour } from './types.js';

function localFiles(dir: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    return files;
  }
  if (!isDir) return files;
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        files[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

/** The data plane's decision for a processing request. @internal */
export function processingRun(
  sim: Simulation,
  request: Json,
  behaviour: JobBehaviour | undefined,
): JobRun | undefined {
  const s3 = sim.s3;
  if (!s3) return undefined;
  try {
    for (const input of (request['ProcessingInputs'] ?? []) as Json[]) {
      const source = input['S3Input'];
      if (typeof source !== 'object' || source === null) continue;
      dataSourceObjects(s3, source as Json, sim.store.region, request['RoleArn']);
    }
  } catch (error) {
    if (error instanceof MissingDataError) return { failureReason: error.message };
    throw error;
  }
  const outputs = (((request['ProcessingOutputConfig'] ?? {}) as Json)['Outputs'] ?? []) as Json[];
  return {
    complete: () => {
      for (const output of outputs) {
        const target = (output['S3Output'] ?? {}) as Json;
        const uri = target['S3Uri'];
        const localPath = str(target['LocalPath']);
        if (typeof uri !== 'string') continue;
        const files = behaviour?.outputFiles?.[localPath] ?? localFiles(localPath);
        for (const [name, body] of Object.entries(files)) writeObject(s3, joinUri(uri, name), body);
      }
    },
  };
}
