/**
 * What the operation handlers share: the clock, the resources, the test's behaviours and the
 * optional local S3 server jobs read from and write to.
 * @internal
 */
import type { LocalS3 } from '../localS3/types.js';
import { jobState, planOf, type JobState, type Plan } from './jobState.js';
import type { JobBehaviours } from './JobBehaviours.js';
import type { Resource, ResourceStore } from './ResourceStore.js';
import type { SimClock } from './SimClock.js';

/** The local SageMaker's state. @internal */
export class Simulation {
  constructor(
    readonly clock: SimClock,
    readonly store: ResourceStore,
    readonly behaviours: JobBehaviours,
    readonly jobDurationSeconds: number,
    readonly s3: LocalS3 | undefined,
  ) {}

  /** How a job runs. */
  plan(r: Resource): Plan {
    return planOf(r, this.behaviours.find(r.name), this.jobDurationSeconds);
  }

  /** Where a job is now. */
  state(r: Resource): JobState {
    return jobState(r, this.plan(r), this.clock.now());
  }

  /** Writes the outputs of every job that completed since the last call (once per job). */
  settle(): void {
    for (const r of this.store.all()) {
      if (r.settled || !r.run?.complete) continue;
      if (this.state(r).status !== 'Completed') continue;
      r.settled = true;
      r.run.complete();
    }
  }
}
