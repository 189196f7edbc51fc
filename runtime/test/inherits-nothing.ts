/**
 * Whether `o` inherits no property at all, as a map object must (keys such as
 * `toString` or `__proto__` are ordinary entries): every prototype on its
 * chain is an empty, frozen object, and the chain ends in null without
 * reaching Object.prototype (see runtime/src/map-object.ts).
 */
export function inheritsNothing(o: object): boolean {
  for (let p: object | null = Object.getPrototypeOf(o) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (Reflect.ownKeys(p).length !== 0 || !Object.isFrozen(p)) return false;
  }
  return true;
}
