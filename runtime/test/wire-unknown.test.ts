import { unknownFields } from "../src/message";
import { BinaryReader } from "../src/wire/reader";
import { Nest, Raw } from "./wire/messages";
import { corpus } from "./wire/corpus";
import { hex, unhex } from "./wire/hex";

describe("unknown fields", () => {
  test.each(corpus.map((bytes) => [hex(bytes)]))("%s survives decode → encode byte for byte", (input) => {
    expect(hex(Raw.fromBinary(unhex(input)).toBinary())).toBe(input);
  });

  test("each kept chunk is one whole field, tag included, groups with everything inside them", () => {
    const m = Raw.fromBinary(unhex("0801 120161 0b 0801 13 14 0c 8880808000 05"));
    expect(m[unknownFields]?.map(hex)).toEqual(["0801", "120161", "0b080113140c", "888080800005"]);
  });

  test("chunks are copies that do not pin the input buffer", () => {
    const input = unhex("0801");
    const chunk = Raw.fromBinary(input)[unknownFields]![0];
    expect(chunk.buffer).not.toBe(input.buffer);
  });

  test("a message without unknown fields gets no unknownFields property", () => {
    expect(Object.getOwnPropertySymbols(Raw.fromBinary(new Uint8Array(0)))).toEqual([]);
  });

  test("readUnknownFields: false skips them", () => {
    const m = Raw.fromBinary(unhex("0801 0b0801 13 14 0c 120161"), { readUnknownFields: false });
    expect(m[unknownFields]).toBeUndefined();
    expect(m.toBinary().length).toBe(0);
  });

  test("skip passes over one field of any wire type without keeping it", () => {
    const r = new BinaryReader(unhex("0801 0d01020304 110102030405060708 120161 0b 0801 13 14 0c 2002"));
    for (let i = 0; i < 5; i++) r.skip(r.tag());
    expect(r.tag()).toBe(0x20);
    expect(r.uint32()).toBe(2);
  });

  test("writeUnknownFields: false leaves them out of the output", () => {
    expect(Raw.fromBinary(unhex("0801")).toBinary({ writeUnknownFields: false }).length).toBe(0);
  });

  test("unknown fields of a sub-message stay on the sub-message", () => {
    const m: Nest = Nest.fromBinary(unhex("0a0e 0a0c 0a0a 1203616263 0d01020304 2001"));
    expect(m[unknownFields]?.map(hex)).toEqual(["2001"]);
    expect(m.child?.child?.child?.[unknownFields]?.map(hex)).toEqual(["1203616263", "0d01020304"]);
    expect(hex(m.toBinary())).toBe("0a0e0a0c0a0a12036162630d010203042001");
  });
});
