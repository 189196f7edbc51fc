import { copyRange } from "../src/wire/slab";

function pattern(n: number, seed = 0): Uint8Array {
  return new Uint8Array(n).map((_, i) => (i * 31 + seed) % 256);
}

describe("copyRange returns an independent copy of a byte range", () => {
  // Around the on-heap limit, the carving limit and the slab size.
  test.each([0, 1, 64, 65, 200, 4096, 4097, 8192, 10000])("of %i bytes", (n) => {
    const src = pattern(n + 10);
    const out = copyRange(src, 5, 5 + n);
    expect(out.constructor).toBe(Uint8Array);
    expect(Array.from(out)).toEqual(Array.from(src.subarray(5, 5 + n)));
    src.fill(0);
    expect(Array.from(out)).toEqual(Array.from(pattern(n + 10).subarray(5, 5 + n)));
  });

  test.each([10, 200, 5000])("of %i bytes of a Buffer, whose own slice() is a view", (n) => {
    const src = Buffer.from(pattern(n));
    const out = copyRange(src, 0, n);
    src.fill(0);
    expect(Array.from(out)).toEqual(Array.from(pattern(n)));
  });

  test("copies carved from the same slab never overlap", () => {
    const copies = Array.from({ length: 100 }, (_, i) => copyRange(pattern(300, i), 0, 100 + i * 7));
    copies.forEach((c) => c.fill(0xee));
    const fresh = copyRange(pattern(300, 1), 0, 300);
    expect(Array.from(fresh)).toEqual(Array.from(pattern(300, 1)));
    copies.forEach((c, i) => {
      expect(c.length).toBe(100 + i * 7);
      expect(c.every((b) => b === 0xee)).toBe(true);
    });
  });

  test("copies start 8-byte aligned, so wider typed arrays can view them in place", () => {
    for (let n = 65; n < 200; n += 13) {
      const out = copyRange(pattern(n), 0, n);
      expect(out.byteOffset % 8).toBe(0);
    }
  });

  test("a copy's buffer transferred away does not break later copies", () => {
    const first = copyRange(pattern(500), 0, 500);
    structuredClone(first.buffer, { transfer: [first.buffer] });
    expect(first.length).toBe(0);
    const next = copyRange(pattern(500, 3), 0, 500);
    expect(Array.from(next)).toEqual(Array.from(pattern(500, 3)));
  });
});
