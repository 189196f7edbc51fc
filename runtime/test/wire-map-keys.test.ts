import { BinaryDecodeError } from "../src/errors";
import { decodeMapKey } from "../src/wire/map-keys";

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** Decodes `bytes` placed in the middle of a larger buffer, as keys are. */
function decode(bytes: Uint8Array, validate = true): string {
  const buf = new Uint8Array(bytes.length + 6);
  buf.set(bytes, 3);
  return decodeMapKey(buf, 3, 3 + bytes.length, validate);
}

describe("decodeMapKey decodes string map keys", () => {
  test.each(["", "a", "region", "x".repeat(32), "x".repeat(33), "héllo", "✓ ok", "😀", "k".repeat(200)])("%j, however often it is seen", (key) => {
    for (let i = 0; i < 4; i++) expect(decode(utf8(key))).toBe(key);
  });

  test("thousands of keys of the same length sharing 1024 slots: every one decodes to itself, over several passes", () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `key-${i.toString(36).padStart(4, "0")}`);
    for (let pass = 0; pass < 3; pass++) {
      for (const key of keys) expect(decode(utf8(key))).toBe(key);
      for (let i = 0; i < 50; i++) expect(decode(utf8(keys[i]))).toBe(keys[i]);
    }
  });

  test("invalid UTF-8 throws when validated, and becomes U+FFFD otherwise, seen once or many times", () => {
    const bad = new Uint8Array([0x61, 0x80]);
    for (let i = 0; i < 3; i++) {
      expect(decode(bad, false)).toBe("a\uFFFD");
      expect(() => decode(bad)).toThrow(BinaryDecodeError);
    }
  });

  test("a key replaced in its slot is not mistaken for the one now there", () => {
    const a = utf8("aaaa");
    for (let i = 0; i < 3; i++) expect(decode(a)).toBe("aaaa");
    for (let i = 0; i < 2000; i++) decode(utf8(`b${i.toString().padStart(3, "0")}`));
    expect(decode(a)).toBe("aaaa");
    expect(decode(utf8("aaab"))).toBe("aaab");
  });
});
