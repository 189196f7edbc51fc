import { BinaryReader } from "../src/wire/reader";
import { BinaryWriter } from "../src/wire/writer";
import { decodeUtf8, encodeUtf8 } from "../src/wire/utf8";
import { BinaryDecodeError, BinaryEncodeError } from "../src/errors";
import { unknownFields } from "../src/unknown-fields";
import { hex, unhex } from "./wire/hex";

function varintSize(n: number): number {
  let size = 1;
  while (n > 0x7f) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

describe("fork/join writes the length of a delimited region", () => {
  const sizes = [0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 2 * 1024 * 1024 + 3];

  test.each(sizes)("region of %i bytes", (size) => {
    const payload = new Uint8Array(size).map((_, i) => i % 251);
    const w = new BinaryWriter();
    w.uint32(0x0a);
    const mark = w.fork();
    w.raw(payload);
    w.join(mark);
    w.uint32(0x10).uint32(7);
    const bytes = w.finish();

    expect(bytes.length).toBe(1 + varintSize(size) + size + 2);
    const r = new BinaryReader(bytes);
    expect(r.tag()).toBe(0x0a);
    const end = r.delimitedEnd();
    expect(end - r.pos).toBe(size);
    expect(Buffer.compare(bytes.subarray(r.pos, end), payload)).toBe(0);
    r.pos = end;
    expect(r.tag()).toBe(0x10);
    expect(r.uint32()).toBe(7);
  });

  test.each(sizes)("region of %i bytes nested two deep, each level with a trailing field", (size) => {
    const w = new BinaryWriter();
    const outer = w.fork();
    const inner = w.fork();
    w.raw(new Uint8Array(size).fill(3));
    w.join(inner);
    w.uint32(0x08).uint32(1);
    w.join(outer);
    const bytes = w.finish();

    const r = new BinaryReader(bytes);
    const outerEnd = r.delimitedEnd();
    expect(outerEnd).toBe(bytes.length);
    const innerEnd = r.delimitedEnd();
    expect(innerEnd - r.pos).toBe(size);
    expect(bytes.subarray(r.pos, innerEnd).every((b) => b === 3)).toBe(true);
    r.pos = innerEnd;
    expect(r.tag()).toBe(0x08);
    expect(r.uint32()).toBe(1);
    r.assertEnd(outerEnd);
  });

  test("many small sibling regions inside one large region", () => {
    const w = new BinaryWriter();
    const outer = w.fork();
    for (let i = 0; i < 1000; i++) {
      const m = w.fork();
      w.string("item " + i);
      w.join(m);
    }
    w.join(outer);
    const r = new BinaryReader(w.finish());
    const end = r.delimitedEnd();
    for (let i = 0; i < 1000; i++) {
      const itemEnd = r.delimitedEnd();
      expect(r.string()).toBe("item " + i);
      r.assertEnd(itemEnd);
    }
    r.assertEnd(end);
  });

  test("regions whose length needs more or fewer bytes than the last one of the same tag and depth still get minimal lengths", () => {
    // fork reserves what the previous region of its tag and depth needed; these sizes make that guess wrong in both directions.
    const sizes = [0, 200, 5, 20000, 130, 3_000_000, 1, 127, 128, 16384, 16383, 0];
    const varint = (n: number) => {
      const out: number[] = [];
      while (n > 0x7f) {
        out.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
      }
      return [...out, n];
    };
    const expected: Buffer[] = [];
    const w = new BinaryWriter();
    for (const size of sizes) {
      const payload = new Uint8Array(size).fill(size % 251);
      w.uint32(0x0a);
      const outer = w.fork();
      w.uint32(0x12);
      const inner = w.fork();
      w.raw(payload);
      w.join(inner);
      w.join(outer);
      const innerBytes = Buffer.concat([Buffer.from([0x12, ...varint(size)]), payload]);
      expected.push(Buffer.from([0x0a, ...varint(innerBytes.length)]), innerBytes);
    }
    expect(Buffer.compare(w.finish(), Buffer.concat(expected))).toBe(0);
  });

  test("finish throws when a fork was never joined", () => {
    const w = new BinaryWriter();
    w.fork();
    expect(() => w.finish()).toThrow(new BinaryEncodeError("1 fork() region(s) not joined"));
  });
});

describe("packed payloads in one call write what fork, one write per value and join write", () => {
  const int32s = [0, 1, -1, 127, 128, 300, -300, 0x7fffffff, -0x80000000];
  const uint32s = [0, 1, 127, 128, 16384, 0x7fffffff, 0xffffffff];
  const int64s = [0n, 1n, -1n, 300n, 2n ** 53n + 1n, 2n ** 63n - 1n, -(2n ** 63n), "-42"];
  const uint64s = [0n, 1n, 2n ** 32n, 2n ** 64n - 1n, "42"];
  const floats = [0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, Math.fround(0.1), 3.4028234663852886e38];
  const many = Array.from({ length: 3000 }, (_, i) => i * 37);
  type Case<T> = [string, T[], (w: BinaryWriter, v: T[]) => unknown, (w: BinaryWriter, v: T) => unknown];
  const cases: Case<never>[] = [
    ["doubles", [...floats, ...many.map((i) => i / 7)], (w, v) => w.doubles(v), (w, v) => w.double(v)],
    ["floats", [...floats, ...many], (w, v) => w.floats(v), (w, v) => w.float(v)],
    ["int32s", [...int32s, ...many], (w, v) => w.int32s(v), (w, v) => w.int32(v)],
    ["uint32s", [...uint32s, ...many], (w, v) => w.uint32s(v), (w, v) => w.uint32(v)],
    ["sint32s", [...int32s, ...many], (w, v) => w.sint32s(v), (w, v) => w.sint32(v)],
    ["int64s", [...int64s, ...many.map(BigInt)], (w, v) => w.int64s(v), (w, v) => w.int64(v)],
    ["uint64s", [...uint64s, ...many.map(BigInt)], (w, v) => w.uint64s(v), (w, v) => w.uint64(v)],
    ["sint64s", [...int64s, ...many.map(BigInt)], (w, v) => w.sint64s(v), (w, v) => w.sint64(v)],
  ] as Case<never>[];
  test.each(cases)("%s", (_name, values, packed, single) => {
    for (const list of [[], values.slice(0, 10), values]) {
      const expected = new BinaryWriter();
      const mark = expected.fork();
      for (const v of list) single(expected, v);
      expected.join(mark);
      const w = new BinaryWriter();
      packed(w, list);
      expect(hex(w.finish())).toBe(hex(expected.finish()));
    }
  });

  test.each([
    ["doubles", (w: BinaryWriter) => w.doubles([1, "2" as unknown as number]), 'invalid double value: "2"'],
    ["floats", (w: BinaryWriter) => w.floats([1, 1e39]), "invalid float value: 1e+39"],
    ["int32s", (w: BinaryWriter) => w.int32s([1, 2 ** 31]), "invalid int32 value: 2147483648"],
    ["uint32s", (w: BinaryWriter) => w.uint32s([1, -1]), "invalid uint32 value: -1"],
    ["sint32s", (w: BinaryWriter) => w.sint32s([0.5]), "invalid sint32 value: 0.5"],
    ["int64s", (w: BinaryWriter) => w.int64s([1n, 2n ** 63n]), "int64 value out of range: 9223372036854775808"],
    ["uint64s", (w: BinaryWriter) => w.uint64s(["x"]), 'invalid uint64 value: "x"'],
    ["sint64s", (w: BinaryWriter) => w.sint64s([-(2n ** 63n) - 1n]), "sint64 value out of range: -9223372036854775809"],
  ])("%s with an invalid element throws BinaryEncodeError", (_name, write, message) => {
    expect(() => write(new BinaryWriter())).toThrow(new BinaryEncodeError(message));
  });
});

describe("a field method writes what its tag and the value method write, one after the other", () => {
  // Tags of one to five bytes: fields 1, 16 and 2^29 - 1 with each wire type.
  const tags = [0x08, 0x0a, 0x80 | (0x01 << 8), 0xfffffff8 + 2];
  const int32s = [0, 1, -1, 300, 0x7fffffff, -0x80000000];
  const int64s = [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n), "-42"];
  type Case = [string, (w: BinaryWriter, tag: number, v: never) => unknown, (w: BinaryWriter, v: never) => unknown, readonly unknown[]];
  const cases = [
    ["fieldInt32", (w, t, v) => w.fieldInt32(t, v), (w, v) => w.int32(v), int32s],
    ["fieldUint32", (w, t, v) => w.fieldUint32(t, v), (w, v) => w.uint32(v), [0, 127, 128, 0xffffffff]],
    ["fieldSint32", (w, t, v) => w.fieldSint32(t, v), (w, v) => w.sint32(v), int32s],
    ["fieldFixed32", (w, t, v) => w.fieldFixed32(t, v), (w, v) => w.fixed32(v), [0, 0xffffffff]],
    ["fieldSfixed32", (w, t, v) => w.fieldSfixed32(t, v), (w, v) => w.sfixed32(v), int32s],
    ["fieldFloat", (w, t, v) => w.fieldFloat(t, v), (w, v) => w.float(v), [0, -0, 1.5, NaN, -Infinity]],
    ["fieldDouble", (w, t, v) => w.fieldDouble(t, v), (w, v) => w.double(v), [0, -0, 0.1, NaN, Infinity]],
    ["fieldBool", (w, t, v) => w.fieldBool(t, v), (w, v) => w.bool(v), [false, true]],
    ["fieldInt64", (w, t, v) => w.fieldInt64(t, v), (w, v) => w.int64(v), int64s],
    ["fieldUint64", (w, t, v) => w.fieldUint64(t, v), (w, v) => w.uint64(v), [0n, 2n ** 64n - 1n, "7"]],
    ["fieldSint64", (w, t, v) => w.fieldSint64(t, v), (w, v) => w.sint64(v), int64s],
    ["fieldFixed64", (w, t, v) => w.fieldFixed64(t, v), (w, v) => w.fixed64(v), [0n, 2n ** 64n - 1n]],
    ["fieldSfixed64", (w, t, v) => w.fieldSfixed64(t, v), (w, v) => w.sfixed64(v), int64s],
    [
      "fieldString",
      (w, t, v) => w.fieldString(t, v),
      (w, v) => w.string(v),
      ["", "abc", "é€😀", "x".repeat(32), "é".repeat(32), "x".repeat(33), "x".repeat(200)],
    ],
    ["fieldBytes", (w, t, v) => w.fieldBytes(t, v), (w, v) => w.bytes(v), [new Uint8Array(0), new Uint8Array(300).fill(7)]],
  ] as Case[];
  test.each(cases)("%s", (_name, field, value, values) => {
    for (const tag of tags) {
      for (const v of values) {
        const expected = new BinaryWriter();
        value(expected.uint32(tag), v as never);
        const w = new BinaryWriter();
        field(w, tag, v as never);
        expect(hex(w.finish())).toBe(hex(expected.finish()));
      }
    }
  });

  test("forkField writes the tag, then starts a region that join closes", () => {
    for (const tag of tags) {
      const expected = new BinaryWriter();
      const a = expected.uint32(tag).fork();
      expected.string("inside");
      expected.join(a);
      const w = new BinaryWriter();
      const b = w.forkField(tag);
      w.string("inside");
      w.join(b);
      expect(hex(w.finish())).toBe(hex(expected.finish()));
    }
  });

  test("fieldStringEntry writes what forkField, fieldString for key and value, and join write", () => {
    // Keys and values around the 1-, 2- and 3-byte lengths of themselves and of the entry, ASCII or not.
    const strings = ["", "k", "é€😀", "x".repeat(127), "y".repeat(128), "ü".repeat(70), "z".repeat(20000)];
    // After a prefix, so that an entry also starts near the end of the writer's first buffer and grows it.
    for (const prefix of [0, 1000, 1020]) {
      for (const tag of [0x1a, 0x80 | (0x01 << 8) | 2, 0xfffffff8 + 2]) {
        for (const k of strings) {
          for (const v of strings) {
            const expected = new BinaryWriter().raw(new Uint8Array(prefix).fill(1));
            const mark = expected.forkField(tag);
            expected.fieldString(10, k).fieldString(18, v).join(mark);
            const w = new BinaryWriter().raw(new Uint8Array(prefix).fill(1));
            w.fieldStringEntry(tag, k, v).fieldBool(8, true);
            expect(hex(w.finish())).toBe(hex(expected.fieldBool(8, true).finish()));
          }
        }
      }
    }
  });

  test("an invalid value throws the value method's error", () => {
    expect(() => new BinaryWriter().fieldInt32(8, 0.5)).toThrow(new BinaryEncodeError("invalid int32 value: 0.5"));
    expect(() => new BinaryWriter().fieldString(10, 1 as unknown as string)).toThrow(new BinaryEncodeError("invalid string value: 1"));
    expect(() => new BinaryWriter().fieldStringEntry(26, 1 as unknown as string, "v")).toThrow(new BinaryEncodeError("invalid string value: 1"));
    expect(() => new BinaryWriter().fieldStringEntry(26, "k", null as unknown as string)).toThrow(new BinaryEncodeError("invalid string value: null"));
  });
});

/** wire/utf8.ts loaded afresh as a browser has it: no Node Buffer to use. */
function utf8WithoutBuffer(): typeof import("../src/wire/utf8") {
  const saved = globalThis.Buffer;
  let loaded!: typeof import("../src/wire/utf8");
  try {
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    jest.isolateModules(() => {
      loaded = require("../src/wire/utf8") as typeof import("../src/wire/utf8");
    });
  } finally {
    globalThis.Buffer = saved;
  }
  return loaded;
}

describe("strings are written as UTF-8", () => {
  const cases = [
    "",
    "plain ascii",
    "a".repeat(127),
    "a".repeat(128),
    "é".repeat(63),
    "é".repeat(64),
    "€uro",
    "😀 emoji",
    "mixed ü € 😀 ".repeat(20),
    "\uFEFF leading BOM",
  ];
  test.each(cases)("%j matches Node's encoder", (s) => {
    const w = new BinaryWriter();
    w.string(s);
    const expected = Buffer.from(s, "utf8");
    expect(hex(w.finish())).toBe(hex(new Uint8Array([...lengthPrefix(expected.length), ...expected])));
  });

  test.each([
    ["lone high surrogate", "a\uD800b"],
    ["lone low surrogate", "a\uDC00b"],
    ["high surrogate at the end", "ab\uD83D"],
    ["reversed pair", "\uDE00\uD83D"],
  ])("%s becomes U+FFFD, as TextEncoder does", (_name, s) => {
    for (const str of [s, s + "x".repeat(100)]) {
      const w = new BinaryWriter();
      w.string(str);
      const expected = new TextEncoder().encode(str);
      expect(hex(w.finish())).toBe(hex(new Uint8Array([...lengthPrefix(expected.length), ...expected])));
    }
  });

  test("without Node's Buffer (a browser), long strings go through TextEncoder and come out the same", () => {
    const browserEncode = utf8WithoutBuffer().encodeUtf8;
    const encodeInto = jest.spyOn(TextEncoder.prototype, "encodeInto");
    try {
      for (const s of ["x".repeat(33), "mixed ü € 😀 ".repeat(20), "lone \uD800 surrogate".padEnd(40, "."), "é".repeat(200)]) {
        const node = new Uint8Array(3 * s.length);
        const browser = new Uint8Array(3 * s.length);
        const end = encodeUtf8(s, node, 0);
        expect(encodeInto).not.toHaveBeenCalled();
        expect(browserEncode(s, browser, 0)).toBe(end);
        expect(encodeInto).toHaveBeenCalledTimes(1);
        expect(hex(browser.subarray(0, end))).toBe(hex(node.subarray(0, end)));
        expect(hex(node.subarray(0, end))).toBe(hex(new TextEncoder().encode(s)));
        encodeInto.mockClear();
      }
    } finally {
      encodeInto.mockRestore();
    }
  });

  test("short texts that fieldString writes itself come out as TextEncoder's bytes, whatever characters they hold and where", () => {
    // Up to 32 units after a one-byte tag, fieldString writes the text and its one-byte length inline;
    // a character that is not ASCII, at any position, hands the rest to the general UTF-8 loop.
    const others = ["é", "€", "😀", "\uD800", "\uDC00", "\uFEFF", "\u007F", "\u0080"];
    for (let n = 0; n <= 34; n++) {
      const ascii = "abc".repeat(12).slice(0, n);
      // The ASCII text, and it with its character at each position replaced by each of the others.
      const texts = [ascii, ...others.flatMap((o) => Array.from({ length: n }, (_, at) => ascii.slice(0, at) + o + ascii.slice(at + 1)))];
      for (const s of texts) {
        // After a prefix too, so the text also starts near the end of the first buffer, which then grows.
        for (const prefix of [0, 1020]) {
          const w = new BinaryWriter().raw(new Uint8Array(prefix).fill(1));
          const bytes = w.fieldString(10, s).fieldBool(8, true).finish();
          const utf8 = new TextEncoder().encode(s);
          expect(hex(bytes.subarray(prefix))).toBe(hex(new Uint8Array([10, ...lengthPrefix(utf8.length), ...utf8, 8, 1])));
        }
      }
    }
  });

  test("random strings of every length and code point class round-trip", () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pools = [
      [0x20, 0x7f],
      [0x80, 0x800],
      [0x800, 0xd800],
      [0xe000, 0x10000],
      [0x10000, 0x110000],
    ];
    for (let i = 0; i < 2000; i++) {
      let s = "";
      const len = rand(300);
      for (let j = 0; j < len; j++) {
        const [lo, hi] = pools[rand(pools.length)];
        s += String.fromCodePoint(lo + rand(hi - lo));
      }
      const w = new BinaryWriter();
      w.string(s);
      const bytes = w.finish();
      const expected = Buffer.concat([Buffer.from(lengthPrefix(Buffer.byteLength(s))), Buffer.from(s)]);
      expect(Buffer.compare(bytes, expected)).toBe(0);
      expect(new BinaryReader(bytes).string()).toBe(s);
    }
  });
});

describe("reading strings", () => {
  test.each([
    ["a lone continuation byte", "0180"],
    ["an invalid byte", "03ff6162"],
    ["an overlong encoding", "02c080"],
    ["an encoded surrogate", "03eda080"],
    ["a truncated sequence", "02e282"],
    ["an invalid byte after 40 ASCII bytes", "29" + "61".repeat(40) + "ff"],
  ])("%s is invalid UTF-8", (_name, input) => {
    const read = () => new BinaryReader(unhex(input)).string();
    expect(read).toThrow(BinaryDecodeError);
    expect(read).toThrow("invalid UTF-8 in string field (at byte 1)");
  });

  test("without validation invalid UTF-8 becomes U+FFFD", () => {
    expect(new BinaryReader(unhex("03ff6162")).string(false)).toBe("\uFFFDab");
  });

  test("a leading BOM is kept as content", () => {
    expect(new BinaryReader(unhex("06efbbbf616263")).string()).toBe("\uFEFFabc");
    expect(new BinaryReader(unhex("43efbbbf" + "61".repeat(64))).string()).toBe("\uFEFF" + "a".repeat(64));
  });

  test("long texts, valid or not, read as TextDecoder reads them, with Node's Buffer and without", () => {
    let seed = 777;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    // Valid pieces (ASCII, 2-, 3- and 4-byte characters), a real U+FFFD, and invalid ones.
    const valid = ["61", "7a20", "c3a9", "e282ac", "f09f9880"];
    const invalid = ["ff", "80", "c080", "eda080", "e282", "f4908080"];
    const browser = utf8WithoutBuffer().decodeUtf8;
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
    const decode = jest.spyOn(TextDecoder.prototype, "decode");
    try {
      for (let i = 0; i < 600; i++) {
        const pieces: string[] = [];
        // From 40 bytes, where Node's reader takes over (64 without Buffer).
        for (let n = 0, size = 40 + rand(224); n < size; n += pieces[pieces.length - 1].length / 2) pieces.push(valid[rand(valid.length)]);
        const kind = (["plain", "replacementChar", "invalid"] as const)[i % 3];
        if (kind !== "plain") pieces.splice(rand(pieces.length + 1), 0, kind === "invalid" ? invalid[rand(invalid.length)] : "efbfbd");
        const bytes = unhex(pieces.join(""));
        let expected: string | undefined;
        try {
          expected = strict.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(expected === undefined).toBe(kind === "invalid");
        const loose = lenient.decode(bytes);
        decode.mockClear();
        for (const read of [(v: boolean) => decodeUtf8(bytes, 0, bytes.length, v), (v: boolean) => browser(bytes, 0, bytes.length, v)]) {
          if (expected === undefined) expect(() => read(true)).toThrow("invalid UTF-8 in string field (at byte 0)");
          else expect(read(true)).toBe(expected);
          expect(read(false)).toBe(loose);
        }
        // Without Buffer, TextDecoder reads both times; with it, only gives its verdict on a text that came out holding a U+FFFD.
        expect(decode).toHaveBeenCalledTimes(kind === "plain" ? 2 : 3);
      }
    } finally {
      decode.mockRestore();
    }
  });
});

describe("bytes", () => {
  test("reading returns a copy that does not share the input's memory", () => {
    const input = unhex("03010203");
    const b = new BinaryReader(input).bytes();
    input[1] = 99;
    expect(b).toEqual(unhex("010203"));
    expect(b.buffer).not.toBe(input.buffer);
  });

  test("a Buffer input is read like a Uint8Array and bytes are still copied", () => {
    const input = Buffer.from("0203040506", "hex");
    const r = new BinaryReader(input);
    const b = r.bytes();
    input[1] = 0;
    expect(b.constructor).toBe(Uint8Array);
    expect(b).toEqual(unhex("0304"));
  });
});

describe("writer buffers", () => {
  test("each finish returns its own bytes even though the buffer is reused", () => {
    const w1 = new BinaryWriter();
    w1.string("first");
    const a = w1.finish();
    const w2 = new BinaryWriter();
    w2.string("second!");
    const b = w2.finish();
    expect(new BinaryReader(a).string()).toBe("first");
    expect(new BinaryReader(b).string()).toBe("second!");
  });

  test("a writer opened while another is open (re-entrant encode) does not disturb it", () => {
    const outer = new BinaryWriter();
    outer.uint32(0x0a);
    const mark = outer.fork();
    const inner = new BinaryWriter();
    inner.string("inner");
    const innerBytes = inner.finish();
    outer.raw(innerBytes);
    outer.join(mark);
    expect(hex(outer.finish())).toBe("0a06" + "05" + Buffer.from("inner").toString("hex"));
  });

  test("a finished writer can be written again from empty", () => {
    const w = new BinaryWriter();
    w.uint32(1);
    w.finish();
    w.uint32(2);
    expect(hex(w.finish())).toBe("02");
  });

  test("growing past the initial size keeps everything written", () => {
    const w = new BinaryWriter();
    for (let i = 0; i < 100000; i++) w.uint32(i);
    const r = new BinaryReader(w.finish());
    const read = Array.from({ length: 100000 }, () => r.uint32());
    expect(read.every((v, i) => v === i)).toBe(true);
    expect(r.pos).toBe(r.len);
  });
});

describe("unknown fields on write", () => {
  const msg = { [unknownFields]: [unhex("0801"), unhex("120161")] };
  test("are written back in order", () => {
    expect(hex(new BinaryWriter().unknown(msg).finish())).toBe("0801120161");
  });
  test("are dropped with writeUnknownFields: false", () => {
    expect(hex(new BinaryWriter({ writeUnknownFields: false }).unknown(msg).finish())).toBe("");
  });
  test("a message without any writes nothing", () => {
    expect(new BinaryWriter().unknown({}).finish().length).toBe(0);
  });
});

function lengthPrefix(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
