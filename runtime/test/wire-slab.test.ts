import { BinaryEncodeError } from "../src/errors";
import { copyRange } from "../src/wire/slab";
import { BinaryWriter } from "../src/wire/writer";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";

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

describe("toBinary encodes into the slab in place", () => {
  // Sizes from a few bytes to past a whole slab, so some messages outgrow the tail they start in.
  const sizes = [0, 1, 30, 64, 65, 300, 511, 512, 2000, 4096, 5000, 8191, 8192, 20000];
  const user = (n: number) => new User({ id: `u${n}`, avatar: pattern(n, n), roles: ["a", "b"] });

  test("every result keeps its bytes while later messages are encoded", () => {
    const encoded = Array.from({ length: 3 }, () => sizes.map((n) => ({ n, bytes: user(n).toBinary() }))).flat();
    for (const { n, bytes } of encoded) expect(User.fromBinary(bytes).equals(user(n))).toBe(true);
    encoded[0].bytes.fill(0xee);
    for (const { n, bytes } of encoded.slice(1)) expect(User.fromBinary(bytes).equals(user(n))).toBe(true);
  });

  test("a message encoded while another is being encoded (re-entrant toBinary) gets its own buffer", () => {
    const outer = new User({ id: "outer", friends: [user(100)] });
    const friend = outer.friends[0];
    const encodeFriend = friend.$encode.bind(friend);
    let nested: Uint8Array | undefined;
    friend.$encode = (w) => {
      nested = user(300).toBinary();
      encodeFriend(w);
    };
    const bytes = outer.toBinary();
    expect(User.fromBinary(nested!).equals(user(300))).toBe(true);
    expect(User.fromBinary(bytes).friends[0].equals(user(100))).toBe(true);
    expect(User.fromBinary(bytes).id).toBe("outer");
  });

  test("an encode that fails hands the tail back: later results are still written in place", () => {
    expect(() => new User({ id: "x", age: 1.5 }).toBinary()).toThrow(BinaryEncodeError);
    const bytes = user(100).toBinary();
    expect(bytes.buffer.byteLength).toBe(8192);
    expect(User.fromBinary(bytes).equals(user(100))).toBe(true);
  });

  test("a writer finished with unjoined regions throws and hands the tail back", () => {
    const w = BinaryWriter.onSlab();
    w.uint32(10).fork();
    expect(() => w.finish()).toThrow(/not joined/);
    expect(user(100).toBinary().buffer.byteLength).toBe(8192);
  });
});
