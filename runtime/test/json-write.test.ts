import { JsonEncodeError } from "../src/errors";
import type { JsonValue } from "../src/json/json-value";
import { Timestamp } from "../src/gen/google/protobuf/timestamp_pb";
import { Child, Color, Sample } from "./json-fixtures";

describe("writing proto3 JSON", () => {
  test("omits fields holding their default value, and unset optional and message fields", () => {
    expect(new Sample().toJson()).toEqual({});
  });

  test("writes lowerCamelCase JSON names, or proto names with useProtoFieldName", () => {
    const m = new Sample({ int32V: 1, renamed: "r", constructor$: "c" });
    expect(m.toJson()).toEqual({ int32V: 1, customName: "r", constructor: "c" });
    expect(m.toJson({ useProtoFieldName: true })).toEqual({ int32_v: 1, renamed: "r", constructor: "c" });
  });

  test("writes 64-bit integers as decimal strings and special floats as names", () => {
    const m = new Sample({ int64V: -5n, uint64V: 18446744073709551615n, sfixed64Str: "7", doubleV: NaN, floatV: -Infinity });
    expect(m.toJson()).toEqual({ int64V: "-5", uint64V: "18446744073709551615", sfixed64Str: "7", doubleV: "NaN", floatV: "-Infinity" });
    expect(new Sample({ doubleV: Infinity }).toJson()).toEqual({ doubleV: "Infinity" });
  });

  test("writes a float as the double it holds, which reads back as the same float", () => {
    expect(new Sample({ floatV: Math.fround(0.1) }).toJson()).toEqual({ floatV: 0.10000000149011612 });
    for (const f of [0.1, 1 / 3, 3.4028234663852886e38, -1.17549435e-38, 16777217, 1e-45]) {
      const v = Math.fround(f);
      expect(Sample.fromJson(new Sample({ floatV: v }).toJson()).floatV).toBe(v);
    }
  });

  test("writes bytes as standard padded base64", () => {
    expect(new Sample({ bytesV: new Uint8Array([0xfb, 0xff]) }).toJson()).toEqual({ bytesV: "+/8=" });
    expect(new Sample({ bytesV: new Uint8Array([1, 2, 3]) }).toJson()).toEqual({ bytesV: "AQID" });
  });

  test("writes enums by their first name, unknown numbers as numbers, all as numbers with enumAsInteger", () => {
    const m = new Sample({ color: Color.BLUE, colors: [Color.GREEN, 9 as Color] });
    expect(m.toJson()).toEqual({ color: "BLUE", colors: ["GREEN", 9] });
    expect(m.toJson({ enumAsInteger: true })).toEqual({ color: 2, colors: [1, 9] });
  });

  test("writes set explicit-presence fields and oneof members even when zero", () => {
    expect(new Sample({ optInt32: 0, closed: 1, choice: { case: "number", value: 0 } }).toJson()).toEqual({ closed: "ONE", optInt32: 0, number: 0 });
    expect(new Sample({ child: new Child() }).toJson()).toEqual({ child: {} });
  });

  test("emitDefaultValues writes implicit fields, lists and maps, but not unset optional fields", () => {
    const json = new Sample().toJson({ emitDefaultValues: true });
    expect(json).toEqual({
      doubleV: 0,
      floatV: 0,
      int32V: 0,
      uint32V: 0,
      int64V: "0",
      uint64V: "0",
      sfixed64Str: "0",
      boolV: false,
      stringV: "",
      bytesV: "",
      color: "RED",
      ints: [],
      colors: [],
      children: [],
      byName: {},
      byId: {},
      byFlag: {},
      customName: "",
      constructor: "",
    });
  });

  test("writes maps with their string keys, a __proto__ key as an own property", () => {
    const m = new Sample();
    m.byName["__proto__"] = 1;
    m.byId["-3"] = new Child({ name: "n" });
    m.byFlag["true"] = Color.GREEN;
    const json = m.toJson() as { byName: object };
    expect(Object.getOwnPropertyNames(json.byName)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(json.byName)).toBe(Object.prototype);
    expect(m.toJsonString()).toBe('{"byName":{"__proto__":1},"byId":{"-3":{"name":"n"}},"byFlag":{"true":"GREEN"}}');
  });

  test.each([
    [{ int32V: 1.5 }, /^int32V: expected int32, got number 1.5$/],
    [{ int32V: 2 ** 31 }, /expected int32/],
    [{ uint32V: -1 }, /expected uint32/],
    [{ int64V: 2n ** 63n }, /expected int64, got bigint 9223372036854775808n/],
    [{ uint64V: -1n }, /expected uint64/],
    [{ sfixed64Str: "12abc" }, /expected int64, got string "12abc"/],
    [{ int64V: 5 }, /expected int64, got number 5/],
    [{ boolV: "yes" }, /expected boolean/],
    [{ stringV: 7 }, /expected string/],
    [{ bytesV: [1, 2] }, /expected Uint8Array/],
    [{ color: 1.5 }, /^color: expected int32/],
    [{ ints: [1, "2"] }, /^ints: expected int32, got string "2"$/],
    [{ children: [new Child({ child: new Child({ name: 5 as never }) })] }, /^children\.child\.name: expected string, got number 5$/],
  ])("refuses to write %p: a value its field cannot hold is a JsonEncodeError naming the field", (init, message) => {
    const m = new Sample(init as never);
    expect(() => m.toJson()).toThrow(JsonEncodeError);
    expect(() => m.toJson()).toThrow(message);
  });

  test("errors of well-known types name the field too", () => {
    const m = new Sample({ when: new Timestamp({ seconds: 2n ** 60n }) });
    expect(() => m.toJson()).toThrow(/^when: Timestamp seconds 1152921504606846976 out of range/);
  });

  test("pretty prints with prettySpaces", () => {
    expect(new Sample({ int32V: 1 }).toJsonString({ prettySpaces: 2 })).toBe('{\n  "int32V": 1\n}');
  });

  test("what it writes reads back equal", () => {
    const m = new Sample({
      doubleV: 1.5,
      floatV: Math.fround(0.1),
      int64V: -(2n ** 63n),
      bytesV: new Uint8Array([0, 255]),
      colors: [Color.BLUE],
      children: [new Child({ name: "a", child: new Child({ name: "b" }) })],
      choice: { case: "nested", value: new Child({ name: "c" }) },
      optInt32: -1,
    });
    m.byId["12"] = new Child({ name: "x" });
    const back = Sample.fromJson(JSON.parse(m.toJsonString()) as JsonValue);
    expect(back.toJson()).toEqual(m.toJson());
    expect(back.int64V).toBe(-(2n ** 63n));
  });
});
