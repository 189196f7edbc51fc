import { BinaryReader } from "../src/wire/reader";
import { BinaryDecodeError } from "../src/errors";
import { Nest, Raw, nestChain } from "./wire/messages";
import { unhex } from "./wire/hex";

function expectDecodeError(decode: () => unknown, message: string): void {
  let error: unknown;
  try {
    decode();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BinaryDecodeError);
  expect((error as Error).message).toBe(message);
}

/** `depth` groups of field 1 opened inside one another, closed when `closed`. */
function nestedGroups(depth: number, closed = true): Uint8Array {
  return new Uint8Array([...Array<number>(depth).fill(0x0b), ...Array<number>(closed ? depth : 0).fill(0x0c)]);
}

describe("hostile bytes throw BinaryDecodeError with the offset", () => {
  test.each([
    ["truncated varint value", "0880", "truncated input: varint runs past the end (at byte 2)"],
    ["truncated tag", "88", "truncated input: varint runs past the end (at byte 1)"],
    ["tag without a value", "08", "truncated input: varint runs past the end (at byte 1)"],
    ["truncated fixed32", "0d010203", "truncated input: 4 bytes needed, 3 remain (at byte 1)"],
    ["truncated fixed64", "0901020304050607", "truncated input: 8 bytes needed, 7 remain (at byte 1)"],
    ["wire type 6", "0e", "invalid wire type 6 (field 1) (at byte 0)"],
    ["wire type 7 after a valid field", "0801 7f", "invalid wire type 7 (field 15) (at byte 2)"],
    ["field number 0", "0001", "invalid tag: field number 0 (at byte 0)"],
    ["field number 0, non-minimal tag", "8280808000", "invalid tag: field number 0 (at byte 0)"],
    ["tag over 5 bytes", "888080808000", "invalid tag: longer than 5 bytes or over 32 bits (at byte 0)"],
    ["tag over 32 bits", "f8ffffff1f00", "invalid tag: longer than 5 bytes or over 32 bits (at byte 0)"],
    ["varint over 10 bytes", "08 ffffffffffffffffffff01", "varint longer than 10 bytes (at byte 1)"],
    ["length past the end", "0a0561", "length 5 exceeds the 1 remaining bytes (at byte 1)"],
    ["huge length", "0affffffff0f", "length 4294967295 exceeds the 0 remaining bytes (at byte 1)"],
    ["negative length", "0affffffffffffffffff01", "invalid length: over 32 bits (at byte 1)"],
    ["unterminated group", "0b0801", "unterminated group (field 1) (at byte 3)"],
    ["group cut inside a nested group", "0b13", "unterminated group (field 2) (at byte 2)"],
    ["END_GROUP of another field", "0b14", "END_GROUP for field 2 inside the group of field 1 (at byte 1)"],
    ["stray END_GROUP", "0801 0c", "unexpected END_GROUP (field 1) (at byte 2)"],
    ["truncated field inside a group", "0b0d01", "truncated input: 4 bytes needed, 1 remain (at byte 2)"],
  ])("%s", (_name, input, message) => {
    expectDecodeError(() => Raw.fromBinary(unhex(input)), message);
  });

  test("a packed fixed-width payload that is not a whole number of values", () => {
    expectDecodeError(
      () => new BinaryReader(unhex("09 0000000000000000ff")).doubles([]),
      "packed double payload of 9 bytes is not a whole number of values (at byte 1)",
    );
    expectDecodeError(() => new BinaryReader(unhex("03 000000")).floats([]), "packed float payload of 3 bytes is not a whole number of values (at byte 1)");
    expectDecodeError(() => new BinaryReader(unhex("08 00")).doubles([]), "length 8 exceeds the 1 remaining bytes (at byte 0)");
  });

  test("a sub-message whose last field runs past its length", () => {
    // Nest.child has length 1, but its fixed32 field needs 5 bytes.
    expectDecodeError(() => Nest.fromBinary(unhex("0a01 0d01020304")), "a field overran its enclosing length (region ends at byte 3) (at byte 7)");
  });

  test("a sub-message length past the end of the input", () => {
    expectDecodeError(() => Nest.fromBinary(unhex("0a0a 0a00")), "length 10 exceeds the 2 remaining bytes (at byte 1)");
  });

  test("a group that a message decodes itself, cut before its END_GROUP", () => {
    const r = new BinaryReader(unhex("0801"));
    expectDecodeError(() => new Raw().$decode(r, r.len, 7), "unterminated group (field 7) (at byte 2)");
  });

  test("input that is not a Uint8Array", () => {
    expectDecodeError(() => Raw.fromBinary("0801" as unknown as Uint8Array), "binary input must be a Uint8Array");
  });
});

describe("every read stops at the end of the input", () => {
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
  test.each(reads)("%s on empty input and after an unfinished varint byte", (method) => {
    for (const input of ["", "80"]) {
      const r = new BinaryReader(unhex(input));
      expect(() => r[method]()).toThrow(BinaryDecodeError);
    }
  });
});

describe("nesting depth", () => {
  test("sub-messages 100 deep decode; 101 deep throw", () => {
    expect(Nest.fromBinary(nestChain(100).toBinary()).toBinary()).toEqual(nestChain(100).toBinary());
    // The innermost (101st) child is empty, so its length prefix is the last byte.
    const tooDeep = nestChain(101).toBinary();
    expectDecodeError(() => Nest.fromBinary(tooDeep), `nesting exceeds the maximum depth of 100 (at byte ${tooDeep.length})`);
  });

  test("unknown groups count against the same limit", () => {
    expect(Raw.fromBinary(nestedGroups(100)).toBinary()).toEqual(nestedGroups(100));
    expectDecodeError(() => Raw.fromBinary(nestedGroups(101)), "nesting exceeds the maximum depth of 100 (at byte 101)");
  });

  test("a million unterminated nested groups fail fast on the limit, not the stack", () => {
    expectDecodeError(() => Raw.fromBinary(nestedGroups(1_000_000, false)), "nesting exceeds the maximum depth of 100 (at byte 101)");
  });

  test("a large maxDepth skips deep groups without recursion", () => {
    const bytes = nestedGroups(200_000);
    expect(Buffer.compare(Raw.fromBinary(bytes, { maxDepth: 1_000_000 }).toBinary(), bytes)).toBe(0);
  });

  test("maxDepth is configurable", () => {
    expect(() => Nest.fromBinary(nestChain(3).toBinary(), { maxDepth: 3 })).not.toThrow();
    expectDecodeError(() => Nest.fromBinary(nestChain(4).toBinary(), { maxDepth: 3 }), "nesting exceeds the maximum depth of 3 (at byte 8)");
    expectDecodeError(() => Raw.fromBinary(nestedGroups(1), { maxDepth: 0 }), "nesting exceeds the maximum depth of 0 (at byte 1)");
  });

  test.each([-1, 1.5, NaN])("maxDepth %p is rejected", (maxDepth) => {
    expectDecodeError(() => Raw.fromBinary(new Uint8Array(0), { maxDepth }), `maxDepth must be a non-negative integer, got ${maxDepth}`);
  });
});
