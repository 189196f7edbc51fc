import { base64Decode, base64Encode } from "../src/json/base64";

/** Bytes 0..n-1 of a fixed pseudo-random sequence. */
function bytes(n: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0, s = n + 1; i < n; i++) b[i] = (s = (s * 48271) % 2147483647) & 255;
  return b;
}

describe("base64 (bytes in proto3 JSON)", () => {
  test("encodes every length as standard padded base64, as Node's Buffer does, and decodes it back", () => {
    for (const n of [...Array(40).keys(), 4095, 4096, 5000]) {
      const b = bytes(n);
      expect(base64Encode(b)).toBe(Buffer.from(b).toString("base64"));
      expect(base64Decode(base64Encode(b))).toEqual(b);
    }
    // A view into a larger buffer encodes only its own bytes.
    expect(base64Encode(bytes(10).subarray(3, 8))).toBe(Buffer.from(bytes(10).subarray(3, 8)).toString("base64"));
  });

  test("without Node's Buffer (a browser), long values are encoded in chunks that join without padding between them", () => {
    const saved = globalThis.Buffer;
    let encode: typeof base64Encode | undefined;
    try {
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      jest.isolateModules(() => {
        encode = (require("../src/json/base64") as { base64Encode: typeof base64Encode }).base64Encode;
      });
    } finally {
      globalThis.Buffer = saved;
    }
    for (const n of [0, 1, 2, 3, 6143, 6144, 6145, 6146, 12288, 12289, 100_000]) {
      const b = bytes(n);
      expect(encode!(b)).toBe(Buffer.from(b).toString("base64"));
    }
  });
});
