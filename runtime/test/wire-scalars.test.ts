import { BinaryReader } from "../src/wire/reader";
import { BinaryWriter } from "../src/wire/writer";
import { BinaryEncodeError } from "../src/errors";
import { hex, unhex } from "./wire/hex";

function encode(write: (w: BinaryWriter) => unknown): Uint8Array {
  const w = new BinaryWriter();
  write(w);
  return w.finish();
}

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;
const FLOAT32_MAX = 3.4028234663852886e38;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

type NumberType = "int32" | "uint32" | "sint32" | "fixed32" | "sfixed32" | "float" | "double";
type LongType = "int64" | "uint64" | "sint64" | "fixed64" | "sfixed64";

const signed32 = [0, 1, -1, 2, -2, 63, -64, 64, 127, 128, -129, 300, 16383, 16384, -16384, INT32_MAX, INT32_MIN, -0];
const unsigned32 = [0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456, INT32_MAX, 2 ** 31, UINT32_MAX];
const floats = [0, -0, 1, -1.5, 0.5, Math.fround(0.1), FLOAT32_MAX, -FLOAT32_MAX, 1.401298464324817e-45, NaN, Infinity, -Infinity];
const doubles = [0, -0, 1, -1.5, 0.1, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, NaN, Infinity, -Infinity];
const signed64 = [
  0n,
  1n,
  -1n,
  127n,
  128n,
  -128n,
  2n ** 31n,
  -(2n ** 31n) - 1n,
  2n ** 32n,
  SAFE,
  -SAFE,
  SAFE + 1n,
  -SAFE - 1n,
  SAFE + 2n,
  -SAFE - 2n,
  INT64_MAX,
  INT64_MIN,
];
const unsigned64 = [0n, 1n, 127n, 128n, 2n ** 32n - 1n, 2n ** 32n, SAFE, SAFE + 1n, SAFE + 2n, 2n ** 63n, UINT64_MAX];

describe("every scalar round-trips through BinaryWriter and BinaryReader", () => {
  const numberCases: [NumberType, number[]][] = [
    ["int32", signed32],
    ["sint32", signed32],
    ["sfixed32", signed32],
    ["uint32", unsigned32],
    ["fixed32", unsigned32],
    ["float", floats],
    ["double", doubles],
  ];
  test.each(numberCases)("%s", (type, values) => {
    for (const v of values) {
      const bytes = encode((w) => w[type](v));
      const r = new BinaryReader(bytes);
      // -0 is written as an integer zero for integer types; floats keep it.
      const expected = Object.is(v, -0) && type !== "float" && type !== "double" ? 0 : v;
      expect(r[type]()).toBe(expected);
      expect(r.pos).toBe(bytes.length);
    }
  });

  const longCases: [LongType, bigint[]][] = [
    ["int64", signed64],
    ["sint64", signed64],
    ["sfixed64", signed64],
    ["uint64", unsigned64],
    ["fixed64", unsigned64],
  ];
  test.each(longCases)("%s, from bigint and from decimal string", (type, values) => {
    for (const v of values) {
      for (const input of [v, v.toString()]) {
        const bytes = encode((w) => w[type](input));
        const r = new BinaryReader(bytes);
        expect(r[type]()).toBe(v);
        expect(r.pos).toBe(bytes.length);
      }
    }
  });

  test("many floats and doubles through one reader, at unaligned offsets of a Buffer slice", () => {
    const values = Array.from({ length: 100 }, (_, i) => Math.fround(i * 1.25 - 50));
    const w = new BinaryWriter().bool(true);
    for (const v of values) w.float(v).double(v / 3);
    const bytes = Buffer.concat([Buffer.from([9, 9, 9]), w.finish()]).subarray(3);
    const r = new BinaryReader(bytes);
    r.bool();
    const read = values.map(() => [r.float(), r.double()]);
    expect(read).toEqual(values.map((v) => [v, v / 3]));
  });

  test.each([
    ["doubles", (w: BinaryWriter, v: number[]) => w.doubles(v), (r: BinaryReader, into: number[]) => r.doubles(into)],
    ["floats", (w: BinaryWriter, v: number[]) => w.floats(v), (r: BinaryReader, into: number[]) => r.floats(into)],
  ])("packed %s read in one call, short (scratch reads) and long (DataView)", (_name, write, read) => {
    for (const n of [0, 3, 16, 17, 1000]) {
      const values = Array.from({ length: n }, (_, i) => Math.fround(i * 0.75 - 100));
      const into = [42];
      const r = new BinaryReader(encode((w) => write(w.uint32(5), values).uint32(7)));
      expect(r.uint32()).toBe(5);
      read(r, into);
      expect(into).toEqual([42, ...values]);
      expect(r.uint32()).toBe(7);
    }
  });

  test("bool", () => {
    for (const v of [true, false]) expect(new BinaryReader(encode((w) => w.bool(v))).bool()).toBe(v);
  });

  test("string and bytes", () => {
    // Lengths around the ASCII decoder's 8-byte chunks and its 64-byte switch to TextDecoder, non-ASCII anywhere.
    const edges = ["12345678", "1234567é", "12345678é", "x".repeat(63), "x".repeat(64), "x".repeat(61) + "é", "é" + "x".repeat(20)];
    for (const s of ["", "a", "testing", "é", "€", "😀", "\uFEFFbom", ...edges, "x".repeat(200), "ü".repeat(5000)]) {
      expect(new BinaryReader(encode((w) => w.string(s))).string()).toBe(s);
    }
    for (const b of [new Uint8Array(0), unhex("00ff80"), new Uint8Array(70000).fill(9)]) {
      expect(new BinaryReader(encode((w) => w.bytes(b))).bytes()).toEqual(b);
    }
  });

  test("strings of every short length, with a non-ASCII character or an invalid byte at every position", () => {
    const ascii = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(33 + ((i * 7) % 94))).join("");
    for (let n = 0; n <= 70; n++) {
      expect(new BinaryReader(encode((w) => w.string(ascii(n)))).string()).toBe(ascii(n));
      for (let at = 0; at < n; at++) {
        const s = ascii(at) + "é" + ascii(n - at - 1);
        expect(new BinaryReader(encode((w) => w.string(s))).string()).toBe(s);
        const bad = encode((w) => w.string(ascii(n)));
        bad[1 + at] = 0xff;
        expect(() => new BinaryReader(bad).string()).toThrow("invalid UTF-8");
        expect(new BinaryReader(bad).string(false)).toBe(ascii(at) + "\uFFFD" + ascii(n).slice(at + 1));
      }
    }
  });
});

describe("byte vectors from the protobuf encoding spec", () => {
  test.each([
    ["field 1 int32 150", (w: BinaryWriter) => w.uint32(8).int32(150), "089601"],
    ["field 2 string testing", (w: BinaryWriter) => w.uint32(18).string("testing"), "120774657374696e67"],
    ["int32 -2 sign-extends to 10 bytes", (w: BinaryWriter) => w.int32(-2), "feffffffffffffffff01"],
    ["int32 INT32_MIN", (w: BinaryWriter) => w.int32(INT32_MIN), "80808080f8ffffffff01"],
    ["int64 -1", (w: BinaryWriter) => w.int64(-1n), "ffffffffffffffffff01"],
    ["uint64 max", (w: BinaryWriter) => w.uint64(UINT64_MAX), "ffffffffffffffffff01"],
    ["uint64 2^63", (w: BinaryWriter) => w.uint64(2n ** 63n), "80808080808080808001"],
    [
      "sint32 zigzag 0 -1 1 -2 max min",
      (w: BinaryWriter) => w.sint32(0).sint32(-1).sint32(1).sint32(-2).sint32(INT32_MAX).sint32(INT32_MIN),
      "00010203feffffff0fffffffff0f",
    ],
    ["sint64 zigzag max min", (w: BinaryWriter) => w.sint64(INT64_MAX).sint64(INT64_MIN), "feffffffffffffffff01ffffffffffffffffff01"],
    ["fixed32 1, sfixed32 -1", (w: BinaryWriter) => w.fixed32(1).sfixed32(-1), "01000000ffffffff"],
    ["fixed64 1, sfixed64 -2", (w: BinaryWriter) => w.fixed64(1n).sfixed64(-2n), "0100000000000000feffffffffffffff"],
    ["float 1, double 1 (little endian)", (w: BinaryWriter) => w.float(1).double(1), "0000803f000000000000f03f"],
    ["double -0", (w: BinaryWriter) => w.double(-0), "0000000000000080"],
    ["bool true, false", (w: BinaryWriter) => w.bool(true).bool(false), "0100"],
    [
      "packed repeated int32 [3, 270, 86942] as field 4",
      (w: BinaryWriter) => {
        w.uint32(0x22);
        const m = w.fork();
        w.int32(3).int32(270).int32(86942);
        w.join(m);
      },
      "2206038e029ea705",
    ],
  ])("%s", (_name, write, expected) => {
    expect(hex(encode(write))).toBe(expected);
  });
});

describe("reading follows the spec's integer conversions", () => {
  test("a 10-byte varint read as uint32 or int32 keeps its low 32 bits", () => {
    const minusOne = unhex("ffffffffffffffffff01");
    expect(new BinaryReader(minusOne).uint32()).toBe(UINT32_MAX);
    expect(new BinaryReader(minusOne).int32()).toBe(-1);
    const big = encode((w) => w.uint64(2n ** 32n + 5n));
    expect(new BinaryReader(big).uint32()).toBe(5);
  });
  test("an int32 read as int64 is sign-extended and as uint64 is unsigned", () => {
    const bytes = encode((w) => w.int32(-5));
    expect(new BinaryReader(bytes).int64()).toBe(-5n);
    expect(new BinaryReader(bytes).uint64()).toBe(2n ** 64n - 5n);
  });
  test("bool accepts any varint, all 64 bits counting", () => {
    expect(new BinaryReader(unhex("02")).bool()).toBe(true);
    expect(new BinaryReader(unhex("8000")).bool()).toBe(false);
    expect(new BinaryReader(unhex("80808080808080808001")).bool()).toBe(true);
    expect(new BinaryReader(unhex("8080808010")).bool()).toBe(true);
  });
  test("non-minimal varints decode to their value", () => {
    const r = new BinaryReader(unhex("8100 ff8080808000"));
    expect(r.uint32()).toBe(1);
    expect(r.uint32()).toBe(127);
  });
});

describe("float rounding", () => {
  test("a double that rounds to a finite float32 is written rounded, FLT_MAX as printed included", () => {
    const r = new BinaryReader(encode((w) => w.float(3.4028235e38).float(0.1)));
    expect(r.float()).toBe(FLOAT32_MAX);
    expect(r.float()).toBe(Math.fround(0.1));
  });
});

describe("values the wire type cannot hold throw BinaryEncodeError", () => {
  const w = new BinaryWriter();
  test.each([
    ["int32", 2 ** 31, "invalid int32 value: 2147483648"],
    ["int32", 1.5, "invalid int32 value: 1.5"],
    ["int32", NaN, "invalid int32 value: NaN"],
    ["int32", "1", 'invalid int32 value: "1"'],
    ["sint32", INT32_MIN - 1, "invalid sint32 value: -2147483649"],
    ["sfixed32", Infinity, "invalid sfixed32 value: Infinity"],
    ["uint32", -1, "invalid uint32 value: -1"],
    ["uint32", 2 ** 32, "invalid uint32 value: 4294967296"],
    ["fixed32", undefined, "invalid fixed32 value: undefined"],
    ["float", 3.5e38, "invalid float value: 3.5e+38"],
    ["float", -3.5e38, "invalid float value: -3.5e+38"],
    ["double", "0", 'invalid double value: "0"'],
    ["int64", 2n ** 63n, "int64 value out of range: 9223372036854775808"],
    ["sfixed64", INT64_MIN - 1n, "sfixed64 value out of range: -9223372036854775809"],
    ["sint64", "9223372036854775808", "sint64 value out of range: 9223372036854775808"],
    ["uint64", -1n, "uint64 value out of range: -1"],
    ["fixed64", 2n ** 64n, "fixed64 value out of range: 18446744073709551616"],
    ["uint64", "-1", "uint64 value out of range: -1"],
    ["int64", "", 'invalid int64 value: ""'],
    ["int64", "12abc", 'invalid int64 value: "12abc"'],
    ["int64", " 1", 'invalid int64 value: " 1"'],
    ["int64", "1.5", 'invalid int64 value: "1.5"'],
    ["int64", "0x10", 'invalid int64 value: "0x10"'],
    ["int64", 5, "invalid int64 value: 5"],
    ["string", 5, "invalid string value: 5"],
    ["bytes", [1, 2], "invalid bytes value: [object Array]"],
    ["bytes", Object.create(null), "invalid bytes value: [object Object]"],
  ])("%s(%p)", (type, value, message) => {
    const call = () => (w as unknown as Record<string, (v: unknown) => void>)[type](value);
    expect(call).toThrow(BinaryEncodeError);
    expect(call).toThrow(message);
  });
});
