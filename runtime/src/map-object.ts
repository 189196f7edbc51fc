/**
 * The objects that hold a message's map fields. A map must inherit no keys
 * (`toString`, `__proto__` are ordinary entries), which `Object.create(null)`
 * gives, but V8 makes every such object a dictionary: 184 bytes empty, slow to
 * enumerate, and a decoded tree with a map per node spends a third of its time
 * in the garbage collector copying them. An object whose prototype is one
 * shared, frozen, empty null-prototype object inherits nothing either, and
 * stays a fast-mode object (56 bytes, ~10 ns to create, cheap `Object.keys`).
 *
 * Fast mode has one cost: each key an object of that shape never had before
 * creates a hidden class, so filling it with keys never seen (ids) is about 2x
 * slower per key for the first dozen keys. The binary decoder therefore
 * moves a map to a dictionary-mode copy at the first key that is not a
 * recently seen one (BinaryReader.mapTarget); repeated vocabulary (labels,
 * attributes, headers) keeps the fast object.
 */

/** The prototype of every map object created by `newMap`: empty, frozen, and without a prototype itself. */
const NO_KEYS: object = Object.freeze(Object.create(null) as object);

/** A new, empty map object for a map field (generated constructors call this). */
export function newMap<V>(): { [key: string]: V } {
  return Object.create(NO_KEYS) as { [key: string]: V };
}

/**
 * `map` when it is already a dictionary-mode object (or any object `newMap`
 * did not create), else a null-prototype (dictionary-mode) copy of it.
 */
export function dictionaryMap<V>(map: { [key: string]: V }): { [key: string]: V } {
  if (Object.getPrototypeOf(map) !== NO_KEYS) return map;
  return Object.assign(Object.create(null) as { [key: string]: V }, map);
}
