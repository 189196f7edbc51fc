import { BinaryDecodeError } from "../src/errors";
import { BinaryReader } from "../src/wire/reader";
import { Nest, Raw } from "./wire/messages";
import { corpus } from "./wire/corpus";

/** mulberry32: a small seeded PRNG so every run mutates the same way. */
function prng(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) % n) | 0;
  };
}

/** Applies 1 to 4 random edits: overwrite, insert, delete, truncate, or duplicate a slice. */
function mutate(input: Uint8Array, rand: (n: number) => number): Uint8Array {
  let b = Array.from(input);
  const edits = 1 + rand(4);
  for (let i = 0; i < edits; i++) {
    const at = rand(b.length + 1);
    switch (rand(5)) {
      case 0:
        if (b.length) b[rand(b.length)] = rand(256);
        break;
      case 1:
        b.splice(at, 0, [0x00, 0x7f, 0x80, 0xff, rand(256)][rand(5)]);
        break;
      case 2:
        b.splice(at, 1);
        break;
      case 3:
        b = b.slice(0, at);
        break;
      case 4:
        b.splice(at, 0, ...b.slice(rand(b.length + 1), rand(b.length + 1)));
        break;
    }
  }
  return new Uint8Array(b);
}

describe("mutated input either decodes or throws BinaryDecodeError, never anything else", () => {
  const rand = prng(20240601);
  const inputs = Array.from({ length: 20000 }, () => mutate(corpus[rand(corpus.length)], rand));

  test("as unknown fields, and whatever decodes re-encodes to exactly the same bytes", () => {
    let decoded = 0;
    const failures: string[] = [];
    for (const input of inputs) {
      try {
        const out = Raw.fromBinary(input).toBinary();
        if (Buffer.compare(out, input) !== 0) failures.push(`changed on round trip: ${Buffer.from(input).toString("hex")}`);
        decoded++;
      } catch (e) {
        if (!(e instanceof BinaryDecodeError)) failures.push(`${String(e)} for ${Buffer.from(input).toString("hex")}`);
      }
    }
    expect(failures).toEqual([]);
    // Both outcomes must occur, or the mutations are not exercising the decoder.
    expect(decoded).toBeGreaterThan(1000);
    expect(decoded).toBeLessThan(19000);
  });

  test("as nested sub-messages, with a small depth limit", () => {
    const failures: string[] = [];
    for (const input of inputs) {
      try {
        Nest.fromBinary(input, { maxDepth: 2 });
      } catch (e) {
        if (!(e instanceof BinaryDecodeError)) failures.push(`${String(e)} for ${Buffer.from(input).toString("hex")}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("random reads of random bytes", () => {
  const reads = [
    "tag",
    "int32",
    "uint32",
    "sint32",
    "fixed32",
    "sfixed32",
    "float",
    "double",
    "bool",
    "int64",
    "uint64",
    "sint64",
    "fixed64",
    "sfixed64",
    "string",
    "bytes",
    "delimitedEnd",
  ] as const;

  test("never move past the end, and fail only with BinaryDecodeError", () => {
    const rand = prng(7);
    const failures: string[] = [];
    for (let i = 0; i < 5000; i++) {
      // Half the bytes keep only bit 7 and bit 0, so long and unterminated varints are common.
      const bytes = Uint8Array.from({ length: rand(24) }, () => rand(256) & (rand(2) ? 0xff : 0x81));
      const r = new BinaryReader(bytes);
      try {
        for (let k = 0; k < 20; k++) {
          r[reads[rand(reads.length)]]();
          if (r.pos > r.len) failures.push(`pos ${r.pos} past ${r.len} in ${Buffer.from(bytes).toString("hex")}`);
        }
      } catch (e) {
        if (!(e instanceof BinaryDecodeError)) failures.push(`${String(e)} for ${Buffer.from(bytes).toString("hex")}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
