/**
 * The base of classes that add their private fields to an object made elsewhere (`new
 * Height(options, 2)` gives `options` a `#height`): `super(target)` returns `target`, so the
 * subclass installs its fields on it. Side tables of objects made per call (an estimator's
 * state, a run's owner, a walked object's height) live there rather than in `WeakMap`s: V8 adds a
 * private field as it adds a property (a shape shared by objects of the same literal), while each
 * `WeakMap` entry is a hash insertion and an ephemeron for every collection to trace, several
 * times the cost of building the object. A field is as private as the `WeakMap` was: no key
 * listing, spread, `JSON.stringify` or equality check sees it, and only the class reads it.
 *
 * Stamp an object before freezing it: whether a field may be added to a non-extensible object is
 * a question the language is revisiting.
 * @internal
 */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- its subclasses hold the fields
export abstract class Stamp {
  constructor(target: object) {
    // A constructor's object return replaces `this`: the way to give an existing object
    // private fields.
    return target;
  }
}

/** One private value per object, set once by {@link PrivateSlot.set}: see {@link privateSlot}. */
export interface PrivateSlot<T> {
  /** Gives `target` the value (before `target` is frozen: see {@link Stamp}). */
  set(target: object, value: T): void;
  /** The value `target` was given, or `undefined`. */
  get(target: object): T | undefined;
}

/**
 * A private field of its own, for objects made elsewhere: each call makes a class of its own, so
 * one slot never reads another's values (a run's owner is never an estimator's state).
 * @internal
 */
export function privateSlot<T>(): PrivateSlot<T> {
  class Slot extends Stamp {
    readonly #value: T;

    private constructor(target: object, value: T) {
      super(target);
      this.#value = value;
    }

    static set(target: object, value: T): void {
      new Slot(target, value);
    }

    static get(target: object): T | undefined {
      return #value in target ? target.#value : undefined;
    }
  }
  return {
    set(target, value) {
      Slot.set(target, value);
    },
    get: (target) => Slot.get(target),
  };
}
