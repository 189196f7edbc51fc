/** Registers a check that the tests of the enclosing `describe` leave Object.prototype as they found it. */
export function expectPrototypeUntouched(): void {
  const names = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const before = names();
  afterAll(() => {
    // A hostile `__proto__` key must land in a null-prototype record or be refused, never reach Object.prototype.
    expect(names()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
}
