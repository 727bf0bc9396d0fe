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
