import { JsonDecodeError, JsonEncodeError } from "../src/errors";
import { createRegistry } from "../src/registry";
import { Any } from "../src/gen/google/protobuf/any_pb";
import { Duration } from "../src/gen/google/protobuf/duration_pb";
import { Empty } from "../src/gen/google/protobuf/empty_pb";
import { FieldMask } from "../src/gen/google/protobuf/field_mask_pb";
import { SourceContext } from "../src/gen/google/protobuf/source_context_pb";
import { ListValue, Struct, Value } from "../src/gen/google/protobuf/struct_pb";
import { Timestamp } from "../src/gen/google/protobuf/timestamp_pb";
import { BoolValue, BytesValue, FloatValue, Int32Value, Int64Value, StringValue, UInt64Value } from "../src/gen/google/protobuf/wrappers_pb";
import { inheritsNothing } from "./inherits-nothing.js";

describe("Timestamp JSON", () => {
  test.each([
    [0n, 0, "1970-01-01T00:00:00Z"],
    [0n, 10_000_000, "1970-01-01T00:00:00.010Z"],
    [0n, 10_000, "1970-01-01T00:00:00.000010Z"],
    [0n, 10, "1970-01-01T00:00:00.000000010Z"],
    [-62135596800n, 0, "0001-01-01T00:00:00Z"],
    [253402300799n, 999_999_999, "9999-12-31T23:59:59.999999999Z"],
  ])("%s s %s ns is %s", (seconds, nanos, text) => {
    expect(new Timestamp({ seconds, nanos }).toJson()).toBe(text);
    expect(Timestamp.fromJson(text)).toEqual(new Timestamp({ seconds, nanos }));
  });

  test("agrees with Date across the whole calendar, leap years included", () => {
    const wrong: string[] = [];
    for (let ms = Date.parse("0001-01-01T23:59:59.999Z"); ms < Date.parse("9999-12-31T23:59:59.999Z"); ms += 86_400_000 * 389 + 3_600_000 * 7 + 1) {
      const iso = new Date(ms).toISOString();
      const ts = Timestamp.fromJson(iso);
      if (ts.toDate().getTime() !== ms || ts.toJson() !== iso.replace(".000Z", "Z")) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
    expect(Timestamp.fromJson("2000-02-29T00:00:00Z").toDate().toISOString()).toBe("2000-02-29T00:00:00.000Z");
    expect(() => Timestamp.fromJson("1900-02-29T00:00:00Z")).toThrow(JsonDecodeError);
  });

  test("reads offsets and normalises to UTC", () => {
    expect(Timestamp.fromJson("1970-01-01T08:00:01+08:00").seconds).toBe(1n);
    expect(Timestamp.fromJson("1969-12-31T16:00:01-08:00").toJson()).toBe("1970-01-01T00:00:01Z");
    expect(Timestamp.fromJson("2024-02-29T12:00:00.5Z").nanos).toBe(500_000_000);
  });

  test.each([
    "0000-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z",
    "0001-01-01T00:00:00",
    "0001-01-01 00:00:00Z",
    "0001-01-01t00:00:00Z",
    "0001-01-01T00:00:00z",
    "2023-02-29T00:00:00Z",
    "2023-13-01T00:00:00Z",
    "2023-01-01T24:00:00Z",
    "2023-01-01T00:00:00.1234567890Z",
    "0001-01-01T00:00:00+01:00",
  ])("rejects %s", (text) => {
    expect(() => Timestamp.fromJson(text)).toThrow(JsonDecodeError);
  });

  test("refuses to write a timestamp outside 0001..9999 or with bad nanos", () => {
    expect(() => new Timestamp({ seconds: -62135596801n }).toJson()).toThrow(JsonEncodeError);
    expect(() => new Timestamp({ seconds: 253402300800n }).toJson()).toThrow(JsonEncodeError);
    expect(() => new Timestamp({ nanos: -1 }).toJson()).toThrow(JsonEncodeError);
  });
});

describe("Duration JSON", () => {
  test.each([
    [1n, 500_000_000, "1.500s"],
    [-1n, -500_000_000, "-1.500s"],
    [0n, -1, "-0.000000001s"],
    [1n, 0, "1s"],
    [1n, 10_000, "1.000010s"],
    [315576000000n, 999_999_999, "315576000000.999999999s"],
    [-315576000000n, -999_999_999, "-315576000000.999999999s"],
  ])("%s s %s ns is %s", (seconds, nanos, text) => {
    expect(new Duration({ seconds, nanos }).toJson()).toBe(text);
    expect(Duration.fromJson(text)).toEqual(new Duration({ seconds, nanos }));
  });

  test.each(["1", "1.5", "-315576000001s", "315576000001.000000000s", "1.0000000001s", " 1s", "1e3s", "+1s", "1.s"])("rejects %s", (text) => {
    expect(() => Duration.fromJson(text)).toThrow(JsonDecodeError);
  });

  test("refuses to write out of range or mixed-sign durations", () => {
    expect(() => new Duration({ seconds: 315576000001n }).toJson()).toThrow(JsonEncodeError);
    expect(() => new Duration({ seconds: 1n, nanos: -1 }).toJson()).toThrow(/differ in sign/);
  });
});

describe("FieldMask JSON", () => {
  test("writes lowerCamelCase paths joined by commas and reads them back into snake_case", () => {
    const mask = new FieldMask({ paths: ["foo", "bar_baz", "a.b_c"] });
    expect(mask.toJson()).toBe("foo,barBaz,a.bC");
    expect(FieldMask.fromJson("foo,barBaz,a.bC")).toEqual(mask);
    expect(FieldMask.fromJson("").paths).toEqual([]);
  });

  test("rejects paths that would not round trip", () => {
    expect(() => FieldMask.fromJson("foo,bar_bar")).toThrow(JsonDecodeError);
    for (const path of ["fooBar", "foo_3_bar", "foo__bar", "foo_"]) {
      expect(() => new FieldMask({ paths: [path] }).toJson()).toThrow(JsonEncodeError);
    }
  });
});

describe("Struct, Value and ListValue JSON", () => {
  const plain = { a: null, b: 1.5, c: "s", d: true, e: [1, "x", [], {}], f: { g: { h: [null] } } };

  test("are the plain JSON they hold", () => {
    const s = Struct.fromJson(plain);
    expect(s.fields["b"].kind).toEqual({ case: "numberValue", value: 1.5 });
    expect(s.fields["a"].kind).toEqual({ case: "nullValue", value: 0 });
    expect(s.toJson()).toEqual(plain);
    expect(Value.fromJson(null).kind.case).toBe("nullValue");
    expect(ListValue.fromJson([1, [2]]).toJson()).toEqual([1, [2]]);
  });

  test("keep hostile keys as plain keys", () => {
    const s = Struct.fromJsonString('{"__proto__":{"polluted":1},"constructor":2}');
    expect(inheritsNothing(s.fields)).toBe(true);
    expect(s.fields["__proto__"].toJson()).toEqual({ polluted: 1 });
    const json = s.toJson() as object;
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    expect(Object.keys(json)).toEqual(["__proto__", "constructor"]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test("reject non-JSON and unrepresentable values", () => {
    expect(() => Struct.fromJson([] as never)).toThrow(JsonDecodeError);
    expect(() => ListValue.fromJson({})).toThrow(JsonDecodeError);
    expect(() => new Value({ kind: { case: "numberValue", value: NaN } }).toJson()).toThrow(JsonEncodeError);
    expect(() => new Value({ kind: { case: "numberValue", value: -Infinity } }).toJson()).toThrow(JsonEncodeError);
    expect(() => new Value().toJson()).toThrow(/no kind set/);
    expect(() => Value.fromJson("\uDFFF")).toThrow(/unpaired UTF-16 surrogate/);
  });

  test("count nesting against maxDepth", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(() => Value.fromJsonString(deep)).toThrow(/nesting deeper than maxDepth 100/);
  });
});

describe("wrapper JSON", () => {
  test("is the bare wrapped value, written even when it is the default", () => {
    expect(new Int32Value().toJson()).toBe(0);
    expect(new BoolValue().toJson()).toBe(false);
    expect(new StringValue({ value: "" }).toJson()).toBe("");
    expect(new Int64Value({ value: -3n }).toJson()).toBe("-3");
    expect(new BytesValue({ value: new Uint8Array([1, 2]) }).toJson()).toBe("AQI=");
    expect(new FloatValue({ value: NaN }).toJson()).toBe("NaN");
  });

  test("reads the bare value with the wrapped type's rules", () => {
    expect(UInt64Value.fromJson("18446744073709551615").value).toBe(18446744073709551615n);
    expect(Int32Value.fromJson("7").value).toBe(7);
    expect(() => Int32Value.fromJson(2147483648)).toThrow(JsonDecodeError);
    expect(() => BoolValue.fromJson({ value: true })).toThrow(JsonDecodeError);
  });
});

describe("Empty JSON", () => {
  test("is an empty object", () => {
    expect(new Empty().toJson()).toEqual({});
    expect(Empty.fromJson({})).toEqual(new Empty());
  });
});

describe("Any JSON", () => {
  const registry = createRegistry(SourceContext, Duration, Any, Struct);

  test("inlines the fields of an ordinary message next to @type", () => {
    const any = Any.pack(new SourceContext({ fileName: "a.proto" }));
    const json = { "@type": "type.googleapis.com/google.protobuf.SourceContext", fileName: "a.proto" };
    expect(any.toJson({ registry })).toEqual(json);
    expect(Any.fromJson(json, { registry })).toEqual(any);
  });

  test("puts the special form of a well-known type under value", () => {
    const any = Any.pack(new Duration({ seconds: 1n, nanos: 500_000_000 }));
    const json = { "@type": "type.googleapis.com/google.protobuf.Duration", value: "1.500s" };
    expect(any.toJson({ registry })).toEqual(json);
    expect(Any.fromJson(json, { registry })).toEqual(any);
    const nested = Any.pack(any);
    expect(nested.toJson({ registry })).toEqual({ "@type": "type.googleapis.com/google.protobuf.Any", value: json });
  });

  test('treats Empty as an ordinary message (no "value"), as the spec says', () => {
    const any = Any.pack(new Empty());
    const json = { "@type": "type.googleapis.com/google.protobuf.Empty" };
    expect(any.toJson({ registry: createRegistry(Empty) })).toEqual(json);
    expect(Any.fromJson(json, { registry: createRegistry(Empty) })).toEqual(any);
  });

  test("accepts @type anywhere in the object", () => {
    const any = Any.fromJson({ fileName: "x", "@type": "type.googleapis.com/google.protobuf.SourceContext" }, { registry });
    expect(any.unpack(SourceContext)?.fileName).toBe("x");
  });

  test("an empty Any is an empty object", () => {
    expect(new Any().toJson()).toEqual({});
    expect(Any.fromJson({})).toEqual(new Any());
  });

  test("needs the packed type in the registry, both ways", () => {
    const any = Any.pack(new SourceContext());
    expect(() => any.toJson()).toThrow(JsonEncodeError);
    expect(() => any.toJson()).toThrow(/not in the registry/);
    expect(() => Any.fromJson({ "@type": "type.googleapis.com/nope.Nope" }, { registry })).toThrow(JsonDecodeError);
  });

  test("rejects a missing @type, unknown fields and a missing value", () => {
    expect(() => Any.fromJson({ fileName: "x" }, { registry })).toThrow(/needs a "@type"/);
    expect(() => Any.fromJson({ "@type": "type.googleapis.com/google.protobuf.SourceContext", nope: 1 }, { registry })).toThrow(/unknown field "nope"/);
    expect(() => Any.fromJson({ "@type": "type.googleapis.com/google.protobuf.Duration", value: "1s", x: 1 }, { registry })).toThrow(/unknown field "x"/);
    expect(() => Any.fromJson({ "@type": "type.googleapis.com/google.protobuf.Duration" }, { registry })).toThrow(/needs "value"/);
  });

  test("counts Any nesting against maxDepth", () => {
    let json: object = { "@type": "type.googleapis.com/google.protobuf.Struct", value: {} };
    for (let i = 0; i < 150; i++) json = { "@type": "type.googleapis.com/google.protobuf.Any", value: json };
    expect(() => Any.fromJson(json as never, { registry })).toThrow(/maxDepth/);
  });
});
