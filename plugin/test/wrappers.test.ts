import fc from "fast-check";
import {
  BinaryDecodeError,
  BinaryWriter,
  BoolValue,
  createRegistry,
  Int32Value,
  StringValue,
  unknownFields,
  type AnyMessage,
  type PartialMessage,
} from "@tsgrpc/runtime";
import { Wrapped } from "../../testdata/gen/scalars/v1/wrapped_pb.js";
import { Features } from "../../testdata/gen/editions/v1/features_pb.js";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { arbitraryMessage } from "../../runtime/test/fuzz/arbitrary";
import { seed } from "../../runtime/test/fuzz/budget";

/** Raw protobuf bytes, written field by field. */
function bytes(write: (w: BinaryWriter) => void): Uint8Array {
  const w = new BinaryWriter();
  write(w);
  return w.finish();
}

/** What the message's unboxed wrapper fields would be as wrapper messages: each set field as tag + wrapper bytes, in field order. */
function boxedEncoding(msg: AnyMessage): Uint8Array {
  return bytes((w) => {
    for (const f of msg.$type().$fields.list) {
      if (f.kind === "map" || !f.wrapper) continue;
      const oneof = f.oneof ? (msg[f.oneof] as { case: string | undefined; value?: unknown }) : undefined;
      const v: unknown = oneof ? (oneof.case === f.localName ? oneof.value : undefined) : msg[f.localName];
      if (v !== undefined) w.uint32((f.no << 3) | 2).bytes(new f.wrapper({ value: v }).toBinary());
    }
  });
}

describe("fields of wrapper type hold the bare value, undefined = unset", () => {
  it("types singular fields and oneof members as T | undefined; repeated and map values stay wrapper messages", () => {
    const m = new Wrapped({
      wString: "s",
      wInt64: -5n,
      wBytes: new Uint8Array([1]),
      wBool: false,
      choice: { case: "choiceInt64", value: 7n },
      list: [{ value: "a" }],
      byName: { k: { value: 3 } },
    });
    const s: string | undefined = m.wString;
    const n: bigint | undefined = m.wInt64;
    expect([s, n, m.wBytes, m.wBool, m.wDouble]).toEqual(["s", -5n, new Uint8Array([1]), false, undefined]);
    expect(m.choice).toEqual({ case: "choiceInt64", value: 7n });
    expect(m.list[0]).toBeInstanceOf(StringValue);
    expect(m.byName.k).toBeInstanceOf(Int32Value);
    const u: PartialMessage<User> = { middleName: "Lee" };
    expect(new User(u).middleName).toBe("Lee");
  });

  it("describes the field in $fields as a scalar with explicit presence and the wrapper it travels in", () => {
    expect(Wrapped.$fields.find(8)).toMatchObject({ kind: "scalar", presence: "explicit", wrapper: StringValue });
    expect(Wrapped.$fields.find(10)).toMatchObject({ kind: "scalar", oneof: "choice", wrapper: StringValue });
    expect(Wrapped.$fields.find(10)).not.toHaveProperty("presence");
    expect(Wrapped.$fields.find(13)).toMatchObject({ kind: "message", T: StringValue, repeated: true });
    // A registry still reaches the wrapper types, as it did when the fields were message-typed.
    expect(createRegistry(Wrapped).getMessage("google.protobuf.BoolValue")).toBe(BoolValue);
  });

  it("writes nothing when unset and an empty wrapper for the zero value, which reads back as set", () => {
    expect(new Wrapped().toBinary()).toEqual(new Uint8Array(0));
    const zeros = new Wrapped({ wString: "", wInt32: 0, wBool: false, wDouble: 0, wBytes: new Uint8Array(0), choice: { case: "choiceString", value: "" } });
    expect(Array.from(zeros.toBinary())).toEqual([10, 0, 42, 0, 58, 0, 66, 0, 74, 0, 82, 0]);
    const back = Wrapped.fromBinary(zeros.toBinary());
    expect([back.wString, back.wInt32, back.wBool, back.wDouble, back.wBytes, back.wFloat]).toEqual(["", 0, false, 0, new Uint8Array(0), undefined]);
    expect(back.choice).toEqual({ case: "choiceString", value: "" });
    expect(back.equals(zeros)).toBe(true);
    expect(back.equals(new Wrapped())).toBe(false);
  });

  it("writes -0 into its wrapper (its bits differ from the default)", () => {
    expect(Array.from(new Wrapped({ wDouble: -0 }).toBinary())).toEqual([10, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0x80]);
    expect(Object.is(Wrapped.fromBinary(new Wrapped({ wFloat: -0 }).toBinary()).wFloat, -0)).toBe(true);
  });

  it("encodes exactly as the wrapper messages would, and decodes what they encode (arbitrary messages)", () => {
    fc.assert(
      fc.property(arbitraryMessage(Wrapped), (msg) => {
        msg.list = [];
        msg.byName = Object.create(null) as Wrapped["byName"];
        const boxed = boxedEncoding(msg);
        expect(Buffer.from(msg.toBinary()).equals(Buffer.from(boxed))).toBe(true);
        expect(msg.equals(Wrapped.fromBinary(boxed))).toBe(true);
      }),
      { seed, numRuns: 200 },
    );
  });

  it("merges a wrapper seen twice, field 1 by field 1 (one without field 1 keeps the value)", () => {
    const input = bytes((w) =>
      w
        .uint32(66)
        .bytes(new Uint8Array([10, 1, 97]))
        .uint32(66)
        .bytes(new Uint8Array(0)),
    );
    expect(Wrapped.fromBinary(input).wString).toBe("a");
    const again = bytes((w) =>
      w
        .raw(input)
        .uint32(66)
        .bytes(new Uint8Array([10, 1, 98])),
    );
    expect(Wrapped.fromBinary(again).wString).toBe("b");
  });

  it("merges oneof members the same way, and a different member starts from zero", () => {
    const int64 = (v: number) => bytes((w) => w.uint32(90).bytes(new Uint8Array(v ? [8, v] : [])));
    expect(Wrapped.fromBinary(new Uint8Array([...int64(5), ...int64(0)])).choice).toEqual({ case: "choiceInt64", value: 5n });
    const switched = new Uint8Array([...int64(5), 82, 0]);
    expect(Wrapped.fromBinary(switched).choice).toEqual({ case: "choiceString", value: "" });
    expect(Wrapped.fromBinary(new Uint8Array([82, 3, 10, 1, 97, ...int64(0)])).choice).toEqual({ case: "choiceInt64", value: 0n });
  });

  it("drops unknown fields inside a wrapper (there is no message to keep them on), keeping the value", () => {
    // value "a", then an unknown varint field 2 and a field 1 of the wrong wire type
    const input = bytes((w) => w.uint32(66).bytes(new Uint8Array([10, 1, 97, 16, 5, 13, 1, 2, 3, 4])));
    const m = Wrapped.fromBinary(input);
    expect(m.wString).toBe("a");
    expect(m[unknownFields]).toBeUndefined();
    expect(Array.from(m.toBinary())).toEqual([66, 3, 10, 1, 97]);
  });

  it("keeps unknown fields of the message itself", () => {
    const input = new Uint8Array([66, 0, 0xa0, 0x06, 1]);
    expect(Wrapped.fromBinary(input).toBinary()).toEqual(input);
  });

  it.each([
    ["a truncated wrapper", [66, 5, 10, 1]],
    ["a wrapper field overrunning its wrapper", [66, 2, 10, 3, 97, 98, 99]],
    ["invalid UTF-8 in a StringValue", [66, 3, 10, 1, 0xff]],
    ["a stray END_GROUP in a wrapper", [66, 1, 12]],
  ])("refuses %s with a BinaryDecodeError", (_, input) => {
    expect(() => Wrapped.fromBinary(new Uint8Array(input))).toThrow(BinaryDecodeError);
  });

  it("travels as a group under editions' DELIMITED message encoding", () => {
    const encoded = new Features({ delimitedWrapper: "a" }).toBinary();
    expect(Array.from(encoded)).toEqual([123, 10, 1, 97, 124]);
    expect(Features.fromBinary(encoded).delimitedWrapper).toBe("a");
    expect(Array.from(new Features({ delimitedWrapper: "" }).toBinary())).toEqual([123, 124]);
    expect(Features.fromBinary(new Uint8Array([123, 124])).delimitedWrapper).toBe("");
    // Unknown fields in the group are dropped; a group without its END_GROUP is an error.
    expect(Features.fromBinary(new Uint8Array([123, 16, 1, 10, 1, 98, 124])).delimitedWrapper).toBe("b");
    expect(() => Features.fromBinary(new Uint8Array([123, 10, 1, 97]))).toThrow(BinaryDecodeError);
  });

  it("reads and writes JSON as the bare value; null and absence both mean unset", () => {
    const m = new Wrapped({
      wString: "",
      wInt64: 5n,
      wUint64: 18446744073709551615n,
      wBytes: new Uint8Array([1, 2]),
      wFloat: NaN,
      choice: { case: "choiceBytes", value: new Uint8Array(0) },
    });
    const json = { wFloat: "NaN", wInt64: "5", wUint64: "18446744073709551615", wString: "", wBytes: "AQI=", choiceBytes: "" };
    expect(m.toJson()).toEqual(json);
    expect(Wrapped.fromJson(json).equals(m)).toBe(true);
    expect(new Wrapped().toJson({ emitDefaultValues: true })).toEqual({ list: [], byName: {} });
    const nulls = Wrapped.fromJson({ wString: null, wInt32: null, choiceString: null });
    expect([nulls.wString, nulls.wInt32, nulls.choice.case]).toEqual([undefined, undefined, undefined]);
    expect(Wrapped.fromJson({ list: ["a"], byName: { k: 1 } }).list[0]).toEqual(new StringValue({ value: "a" }));
  });

  it("initializes, compares and clones the bare value", () => {
    const m = new Wrapped({ wBytes: new Uint8Array([1]), wDouble: NaN, choice: { case: "choiceString", value: "x" } });
    const copy = m.clone();
    expect(copy.equals(m)).toBe(true);
    expect(copy.wBytes).not.toBe(m.wBytes);
    copy.wBytes![0] = 2;
    expect(copy.equals(m)).toBe(false);
    expect(new Wrapped({ wString: "" }).equals(new Wrapped())).toBe(false);
    expect(new Wrapped({ wString: undefined }).wString).toBeUndefined();
  });
});
