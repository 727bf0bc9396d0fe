/**
 * Per-name job behaviours set by a test (fail with a reason, stop, hang), the latest match winning.
 * @internal
 */
import type { JobBehaviour } from './types.js';

/** Behaviours by name or pattern. @internal */
export class JobBehaviours {
  readonly #entries: { name: string | RegExp; behaviour: JobBehaviour }[] = [];

  /** Adds a behaviour for jobs whose name matches. */
  set(name: string | RegExp, behaviour: JobBehaviour): void {
    this.#entries.push({ name, behaviour });
  }

  /** The latest behaviour set for `name`, or `undefined`. */
  find(name: string): JobBehaviour | undefined {
    let found: JobBehaviour | undefined;
    for (const b of this.#entries) {
      if (typeof b.name === 'string' ? b.name === name : b.name.test(name)) found = b.behaviour;
    }
    return found;
  }
}
