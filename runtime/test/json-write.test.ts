import { writeJson, writeJsonString } from "../src/json/json";
import { readJson } from "../src/json/json";
import { Child, Color, Sample } from "./json-fixtures";

describe("writing proto3 JSON", () => {
  test("omits fields holding their default value, and unset optional and message fields", () => {
    expect(writeJson(new Sample())).toEqual({});
  });

  test("writes lowerCamelCase JSON names, or proto names with useProtoFieldName", () => {
    const m = new Sample({ int32V: 1, renamed: "r", constructor$: "c" });
    expect(writeJson(m)).toEqual({ int32V: 1, customName: "r", constructor: "c" });
    expect(writeJson(m, { useProtoFieldName: true })).toEqual({ int32_v: 1, renamed: "r", constructor: "c" });
  });

  test("writes 64-bit integers as decimal strings and special floats as names", () => {
    const m = new Sample({ int64V: -5n, uint64V: 18446744073709551615n, sfixed64Str: "7", doubleV: NaN, floatV: -Infinity });
    expect(writeJson(m)).toEqual({ int64V: "-5", uint64V: "18446744073709551615", sfixed64Str: "7", doubleV: "NaN", floatV: "-Infinity" });
    expect(writeJson(new Sample({ doubleV: Infinity }))).toEqual({ doubleV: "Infinity" });
  });

  test("writes bytes as standard padded base64", () => {
    expect(writeJson(new Sample({ bytesV: new Uint8Array([0xfb, 0xff]) }))).toEqual({ bytesV: "+/8=" });
    expect(writeJson(new Sample({ bytesV: new Uint8Array([1, 2, 3]) }))).toEqual({ bytesV: "AQID" });
  });

  test("writes enums by their first name, unknown numbers as numbers, all as numbers with enumAsInteger", () => {
    const m = new Sample({ color: Color.BLUE, colors: [Color.GREEN, 9] });
    expect(writeJson(m)).toEqual({ color: "BLUE", colors: ["GREEN", 9] });
    expect(writeJson(m, { enumAsInteger: true })).toEqual({ color: 2, colors: [1, 9] });
  });

  test("writes set explicit-presence fields and oneof members even when zero", () => {
    expect(writeJson(new Sample({ optInt32: 0, closed: 1, choice: { case: "number", value: 0 } }))).toEqual({ closed: "ONE", optInt32: 0, number: 0 });
    expect(writeJson(new Sample({ child: new Child() }))).toEqual({ child: {} });
  });

  test("emitDefaultValues writes implicit fields, lists and maps, but not unset optional fields", () => {
    const json = writeJson(new Sample(), { emitDefaultValues: true });
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
    const json = writeJson(m) as { byName: object };
    expect(Object.getOwnPropertyNames(json.byName)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(json.byName)).toBe(Object.prototype);
    expect(writeJsonString(m)).toBe('{"byName":{"__proto__":1},"byId":{"-3":{"name":"n"}},"byFlag":{"true":"GREEN"}}');
  });

  test("pretty prints with prettySpaces", () => {
    expect(writeJsonString(new Sample({ int32V: 1 }), { prettySpaces: 2 })).toBe('{\n  "int32V": 1\n}');
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
    const back = readJson(Sample, JSON.parse(writeJsonString(m)));
    expect(writeJson(back)).toEqual(writeJson(m));
    expect(back.int64V).toBe(-(2n ** 63n));
  });
});
