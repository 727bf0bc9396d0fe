/**
 * The simulated clock jobs run on: tests move it (or let Describe calls move it) instead of waiting.
 * @internal
 */

/** Simulated time in epoch milliseconds. @internal */
export class SimClock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  /** Epoch milliseconds. */
  now(): number {
    return this.#now;
  }

  /** Moves the clock by `seconds`. */
  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}
