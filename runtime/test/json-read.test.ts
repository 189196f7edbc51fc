import { JsonDecodeError } from "../src/errors";
import type { JsonReadOptions } from "../src/options";
import { Child, Color, Sample } from "./json-fixtures";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { RepeatedScalars, Scalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { inheritsNothing } from "./inherits-nothing.js";

const read = (json: unknown, options?: JsonReadOptions) => Sample.fromJson(json as never, options);
const fails = (json: unknown, message: RegExp, options?: JsonReadOptions) => {
  expect(() => read(json, options)).toThrow(JsonDecodeError);
  expect(() => read(json, options)).toThrow(message);
};

describe("reading proto3 JSON", () => {
  test("accepts both the JSON name and the proto name of a field", () => {
    expect(read({ int32V: 1, string_v: "a", customName: "x" })).toMatchObject({ int32V: 1, stringV: "a", renamed: "x" });
    expect(read({ renamed: "y" }).renamed).toBe("y");
  });

  test("rejects the same field given under both names", () => {
    fails({ int32V: 1, int32_v: 2 }, /int32_v given twice/);
  });

  test("rejects unknown keys unless ignoreUnknownFields", () => {
    fails({ nope: 1 }, /unknown field "nope" in test.Sample/);
    expect(read({ nope: { deep: [1] }, int32V: 3 }, { ignoreUnknownFields: true }).int32V).toBe(3);
  });

  test("reads integers from numbers, integral floats and decimal strings", () => {
    expect(read({ int32V: 1e5, uint32V: "4294967295", int64V: "-9223372036854775808", uint64V: 18446744073709549568 })).toMatchObject({
      int32V: 100000,
      uint32V: 4294967295,
      int64V: -9223372036854775808n,
      uint64V: 18446744073709549568n,
    });
    expect(read({ int64V: "1e3" }).int64V).toBe(1000n);
    expect(read({ int32V: -2.147483648e9 }).int32V).toBe(-2147483648);
  });

  test("keeps 64-bit fields generated as strings as strings", () => {
    expect(read({ sfixed64Str: 12 }).sfixed64Str).toBe("12");
    expect(read({ sfixed64Str: "-9223372036854775808" }).sfixed64Str).toBe("-9223372036854775808");
  });

  test.each([
    [{ int32V: 2147483648 }, /out of range/],
    [{ uint32V: -1 }, /out of range/],
    [{ int64V: "9223372036854775808" }, /out of range/],
    [{ uint64V: "18446744073709551616" }, /out of range/],
    [{ int64V: "1e999999999" }, /out of range/],
    [{ int32V: 0.5 }, /not an integer/],
    [{ int64V: "0.5" }, /not an integer/],
    [{ int32V: " 1" }, /expected integer/],
    [{ int32V: "+1" }, /expected integer/],
    [{ int32V: "0x10" }, /expected integer/],
    [{ int32V: true }, /expected integer, got boolean/],
    [{ floatV: 3.5e38 }, /out of float range/],
    [{ doubleV: "1e999" }, /out of double range/],
    [{ doubleV: "nan" }, /invalid number/],
    [{ boolV: "true" }, /expected boolean/],
    [{ boolV: 0 }, /expected boolean/],
    [{ stringV: 5 }, /expected string/],
    [{ stringV: "\uD800" }, /unpaired UTF-16 surrogate/],
    [{ stringV: "a\uDC00b" }, /unpaired UTF-16 surrogate/],
    [{ bytesV: "AQ=I" }, /invalid base64/],
    [{ bytesV: "A" }, /invalid base64/],
    [{ color: "PURPLE" }, /unknown value "PURPLE" for enum test.Color/],
    [{ color: 1.5 }, /not an integer/],
    [{ closed: 3 }, /unknown value 3 for closed enum test.Closed/],
    [{ child: [] }, /expected object, got array/],
    [{ ints: 1 }, /expected array/],
    [{ ints: [1, null] }, /ints\[1\]: null is not allowed in a list/],
    [{ byName: { a: null } }, /byName.a: null is not allowed as a map value/],
    [{ byId: { "01": {} } }, /invalid integer map key "01"/],
    [{ byId: { "9223372036854775808": {} } }, /out of range/],
    [{ byFlag: { True: "RED" } }, /invalid bool map key/],
    [{ text: "a", number: 1 }, /more than one member of oneof choice/],
  ])("rejects %j", (json, message) => fails(json, message));

  test("an error names the path to the offending value through messages, lists and maps", () => {
    const at = (json: unknown) => {
      try {
        read(json);
      } catch (e) {
        return [(e as JsonDecodeError).path, (e as JsonDecodeError).reason, (e as Error).message];
      }
      throw new Error("read did not fail");
    };
    expect(at({ children: [{}, { child: { name: 5 } }] })).toEqual([
      "children[1].child.name",
      "expected string, got number 5",
      "children[1].child.name: expected string, got number 5",
    ]);
    expect(at({ byId: { "7": { child: { nope: 1 } } } })).toEqual([
      "byId.7.child",
      'unknown field "nope" in test.Child',
      'byId.7.child: unknown field "nope" in test.Child',
    ]);
    expect(at({ stringV: 1 })).toEqual(["stringV", "expected string, got number 1", "stringV: expected string, got number 1"]);
    expect(at({ nope: 1 })[2]).toBe('unknown field "nope" in test.Sample');
  });

  test("reads float special values and rounds floats to 32 bits", () => {
    const m = read({ doubleV: "-Infinity", floatV: "0.1" });
    expect(m.doubleV).toBe(-Infinity);
    expect(m.floatV).toBe(Math.fround(0.1));
    expect(read({ doubleV: "NaN" }).doubleV).toBeNaN();
    expect(read({ floatV: -3.402823e38 }).floatV).toBe(Math.fround(-3.402823e38));
  });

  test("reads long bytes values (Node's native decoder) with the same rules as short ones", () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 256);
    const standard = Buffer.from(bytes).toString("base64");
    const urlSafe = standard.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    for (const text of [standard, urlSafe]) {
      const read = Sample.fromJson({ bytesV: text }).bytesV;
      expect(read).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(read).equals(Buffer.from(bytes))).toBe(true);
    }
    fails({ bytesV: standard.slice(0, 8000) + "*" + standard.slice(8001) }, /invalid base64: unexpected character at 8000/);
    fails({ bytesV: standard.slice(0, 8000) + "=" + standard.slice(8001) }, /invalid base64/);
    // Characters Node's decoder skips (whitespace, non-ASCII) are errors too.
    for (const c of [" ", "\n", "é", "\ud800"])
      fails({ bytesV: standard.slice(0, 8000) + c + standard.slice(8001) }, /invalid base64: unexpected character at 8000/);
    fails({ bytesV: standard + "A" }, /invalid base64: truncated/);
    expect(Sample.fromJson({ bytesV: standard }).toJson()).toEqual({ bytesV: standard });
  });

  test("reads bytes in standard and URL-safe base64, padded or not", () => {
    expect(read({ bytesV: "AQI=" }).bytesV).toEqual(new Uint8Array([1, 2]));
    expect(read({ bytesV: "-_8" }).bytesV).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(read({ bytesV: "+/8=" }).bytesV).toEqual(new Uint8Array([0xfb, 0xff]));
    expect(read({ bytesV: "" }).bytesV).toEqual(new Uint8Array(0));
  });

  test("reads enums by name (aliases included) or number; open enums keep unknown numbers", () => {
    expect(read({ color: "AZURE", colors: ["GREEN", 2, 7] })).toMatchObject({ color: Color.BLUE, colors: [1, 2, 7] });
    expect(read({ closed: "TWO" }).closed).toBe(2);
  });

  test("skips unknown enum names (and numbers of closed enums) with ignoreUnknownFields", () => {
    const m = read({ color: "PURPLE", colors: ["RED", "PURPLE", "BLUE"], closed: 9, byFlag: { true: "X", false: "GREEN" } }, { ignoreUnknownFields: true });
    expect(m.color).toBe(Color.RED);
    expect(m.colors).toEqual([Color.RED, Color.BLUE]);
    expect(m.closed).toBeUndefined();
    expect({ ...m.byFlag }).toEqual({ false: Color.GREEN });
  });

  test("treats null as the field's default, and ignores a null oneof member", () => {
    const m = read({ int32V: null, optInt32: null, child: null, ints: null, byName: null, text: null, number: 3 });
    expect(m).toMatchObject({ int32V: 0, optInt32: undefined, child: undefined, ints: [], choice: { case: "number", value: 3 } });
  });

  test("reads explicit presence fields and oneofs with zero values as set", () => {
    const m = read({ optInt32: 0, text: "" });
    expect(m.optInt32).toBe(0);
    expect(m.choice).toEqual({ case: "text", value: "" });
    expect(read({ nested: {} }).choice).toEqual({ case: "nested", value: new Child() });
  });

  test("reads maps with canonical string keys into null-prototype records", () => {
    const m = read({ byName: JSON.parse('{"__proto__":1,"constructor":2}') as Record<string, number>, byId: { "-5": { name: "x" } }, byFlag: { true: 1 } });
    expect(inheritsNothing(m.byName)).toBe(true);
    expect(m.byName["__proto__"]).toBe(1);
    expect(m.byName["constructor"]).toBe(2);
    expect(m.byId["-5"]).toEqual(new Child({ name: "x" }));
    expect(m.byFlag["true"]).toBe(Color.GREEN);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  test("a __proto__ key from JSON text never reaches a prototype", () => {
    const m = Sample.fromJsonString('{"byName":{"__proto__":7},"child":{"name":"a"}}');
    expect(m.byName["__proto__"]).toBe(7);
    expect(() => Sample.fromJsonString('{"__proto__":{"int32V":1}}')).toThrow(/unknown field "__proto__"/);
  });

  test("escaped member names are matched by their JSON name", () => {
    expect(read({ constructor: "c" }).constructor$).toBe("c");
  });

  test("error paths point at the offending value", () => {
    fails({ children: [{ name: "a" }, { child: { name: 5 } }] }, /^children\[1\]\.child\.name: expected string, got number 5$/);
  });

  test("stops at maxDepth instead of overflowing the stack", () => {
    let json: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) json = { child: json };
    expect(() => Child.fromJson(json as never)).toThrow(/nesting deeper than maxDepth 100/);
    expect(() => Child.fromJson(json as never, { maxDepth: 300 })).not.toThrow();
  });

  test("the top level must be an object", () => {
    expect(() => Sample.fromJsonString("null")).toThrow(/expected object, got null/);
    expect(() => Sample.fromJsonString("[1]")).toThrow(JsonDecodeError);
  });

  test("text that is not JSON is a JsonDecodeError", () => {
    for (const text of ["{", '{"int32V":1,}', "{'a':1}", '{"int32V": 01}', '{"doubleV": NaN}', "// c\n{}", ""]) {
      expect(() => Sample.fromJsonString(text)).toThrow(/invalid JSON/);
    }
  });

  test("reads 64-bit decimal strings of every length exactly in generated messages, and only those in range", () => {
    const ok: [string, string][] = [
      ["fInt64", "9223372036854775807"],
      ["fInt64", "-9223372036854775808"],
      ["fInt64", "1234567890123456"],
      ["fInt64", "-999999999999999"],
      ["fUint64", "18446744073709551615"],
      ["fUint64", "10000000000000000000"],
      ["fSint64", "-9007199254740993"],
    ];
    for (const [field, v] of ok) expect(String(Scalars.fromJsonString(`{"${field}":"${v}"}`)[field as "fInt64"])).toBe(v);
    const bad: [string, string][] = [
      ["fInt64", "9223372036854775808"],
      ["fInt64", "-9223372036854775809"],
      ["fUint64", "18446744073709551616"],
      ["fUint64", "-1"],
      ["fUint64", "123456789012345678901"],
      ["fInt64", "0001234567890123456"],
    ];
    for (const [field, v] of bad) expect(() => Scalars.fromJsonString(`{"${field}":"${v}"}`)).toThrow(/out of range|expected/);
  });

  test("reads lists of numbers, booleans and strings JSON holds as they are, and lists with other forms, alike", () => {
    const plain = {
      fString: ["a", "", "é😀"],
      fDouble: [1.5, -0, 1e300],
      fInt32: [1, -2147483648],
      fUint32: [4294967295, 0],
      fSint32: [-5],
      fFixed32: [7],
      fSfixed32: [-7],
      fBool: [true, false],
    };
    const m = RepeatedScalars.fromJson(plain);
    expect(m.toJson()).toEqual(plain);
    plain.fInt32.push(3);
    plain.fString.push("b");
    expect(m.fInt32).toEqual([1, -2147483648]); // a copy, not the caller's array
    expect(m.fString).toEqual(["a", "", "é😀"]);
    expect(RepeatedScalars.fromJsonString('{"fDouble":["NaN",2,"1e2"],"fInt32":["5",6],"fUint32":[1e3,"7"],"fFloat":[0.1]}')).toMatchObject({
      fDouble: [NaN, 2, 100],
      fInt32: [5, 6],
      fUint32: [1000, 7],
      fFloat: [Math.fround(0.1)],
    });
    expect(() => RepeatedScalars.fromJson({ fInt32: [1, 2147483648] })).toThrow(/fInt32\[1\]: integer 2147483648 out of range/);
    expect(() => RepeatedScalars.fromJson({ fUint32: [-1] })).toThrow(/out of range/);
    expect(() => RepeatedScalars.fromJson({ fDouble: [1, Infinity] })).toThrow(/out of double range/);
    expect(() => RepeatedScalars.fromJson({ fBool: [true, 1] })).toThrow(/fBool\[1\]: expected boolean/);
    expect(() => RepeatedScalars.fromJson({ fString: ["a", 1] })).toThrow(/fString\[1\]: expected string/);
    // A lone surrogate is no string proto can hold, whether JSON.parse made it from an escape or the caller did.
    expect(() => RepeatedScalars.fromJsonString('{"fString":["a","\\ud800"]}')).toThrow(/fString\[1\]/);
    expect(() => RepeatedScalars.fromJson({ fString: ["x\udc00y"] })).toThrow(/fString\[0\]/);
    expect(() => RepeatedScalars.fromJson({ fInt32: 5 })).toThrow(/fInt32: expected array/);
  });

  test("reads a repeated message field into instances of its type, in order; a wrong element names its index", () => {
    const m = User.fromJsonString('{"friends":[{"id":"a"},{"id":"b","friends":[{"id":"c"}]}]}');
    expect(m.friends.map((f) => f.id)).toEqual(["a", "b"]);
    expect(m.friends[1].friends[0]).toBeInstanceOf(User);
    expect(m.friends[1].friends[0].id).toBe("c");
    expect(User.fromJsonString('{"friends":[]}').friends).toEqual([]);
    expect(() => User.fromJsonString('{"friends":[{"id":"a"},5]}')).toThrow(/friends\[1\]/);
    expect(() => User.fromJsonString('{"friends":{"id":"a"}}')).toThrow(/friends: expected array/);
    expect(() => User.fromJsonString('{"friends":[{"id":"a"}],"friends":[]}')).toThrow(/duplicate key/);
  });

  test("reads maps alike whether their keys recur from message to message (fast-mode objects) or not", () => {
    // The first map with a first key goes into a dictionary-mode object, a later one with the same first key
    // stays in the object the constructor made; both must hold exactly the entries, `__proto__` and `toString` as keys.
    const text = '{"labels":{"__proto__":"p","toString":"t","region":"eu"}}';
    for (let i = 0; i < 3; i++) {
      const labels = User.fromJsonString(text).labels;
      expect(Object.entries(labels)).toEqual([
        ["__proto__", "p"],
        ["toString", "t"],
        ["region", "eu"],
      ]);
      for (let p = Object.getPrototypeOf(labels) as object | null; p; p = Object.getPrototypeOf(p) as object | null) expect(Reflect.ownKeys(p)).toEqual([]);
      expect(User.fromJsonString(text).toJsonString()).toBe(text);
    }
    for (let i = 0; i < 3; i++) expect(User.fromJson({ labels: { [`id-${i}`]: "x" } }).labels).toEqual({ [`id-${i}`]: "x" });
  });

  test("rejects an object that repeats a key, which JSON.parse would silently collapse", () => {
    expect(() => Sample.fromJsonString('{"int32V":1,"int32V":2}')).toThrow(/duplicate key/);
    expect(() => Sample.fromJsonString('{"child":{"name":"a","name":"b"}}')).toThrow(/duplicate key/);
    expect(Sample.fromJsonString('{"stringV":"k\\":1,\\"k\\":2","children":[{"name":"a"},{"name":"a"}]}').stringV).toBe('k":1,"k":2');
  });

  test("finds a repeated key whatever ':' the strings around it hold", () => {
    // The check counts the members' ':' in the text against the keys, so ':' in keys and values must not hide a loss.
    expect(() => Sample.fromJsonString('{"stringV":"a:b","stringV":"c:d"}')).toThrow(/duplicate key/);
    expect(() => Sample.fromJsonString('{"child":{"name":"a:1"},"child":{"name":"b"}}')).toThrow(/duplicate key/);
    expect(() => Sample.fromJsonString('{"byName":{"x:y":1,"x:y":2}}')).toThrow(/duplicate key/);
    expect(() => Sample.fromJsonString('{"children":[{"name":"t:1"},{"name":"t:2","name":"t:3"}]}')).toThrow(/duplicate key/);
    const read = Sample.fromJsonString('{"byName":{"x:y":1,"a::":2},"stringV":"12:00:00","children":[{"name":"a:b"},{"name":":"}]}');
    expect(read).toMatchObject({ byName: { "x:y": 1, "a::": 2 }, stringV: "12:00:00", children: [{ name: "a:b" }, { name: ":" }] });
  });

  test("finds a repeated key in generated messages, which count keys as they read instead of walking the tree again", () => {
    const dup = (text: string, options?: { ignoreUnknownFields: boolean }) => expect(() => User.fromJsonString(text, options)).toThrow(/duplicate key/);
    dup('{"id":"a","id":"b"}');
    dup('{"address":{"city":"a:b","city":"c"}}');
    dup('{"labels":{"k:1":"v:2","k:1":"w"}}');
    dup('{"addressesById":{"5":{"city":":"},"5":{}}}');
    dup('{"roles":["a:b"],"updatedAt":"2024-01-01T00:00:00Z","updatedAt":"2024-01-01T00:00:01Z"}');
    dup('{"middleName":"x:y","middleName":"z"}');
    dup('{"status":"STATUS_ACTIVE","history":["STATUS_ACTIVE"],"status":"STATUS_ACTIVE"}');
    dup('{"email":"a:b@c","email":"d"}');
    dup('{"extra":{"a:b":[1,{"c":2}]},"id":"x","id":"y"}', { ignoreUnknownFields: true });
    dup('{"extra":"NOT:A:VALUE","status":"STATUS_NOPE","status":"STATUS_NOPE"}', { ignoreUnknownFields: true });
    const text = '{"id":"a:b","roles":[":"],"labels":{"k:1":"v:2"},"postal":{"city":"c:d"},"updatedAt":"2024-01-01T12:34:56Z","middleName":"::"}';
    expect(User.fromJsonString(text).toJsonString()).toBe(text);
  });

  test("finds a repeated key when \\u escapes spell ':' the text does not show", () => {
    // An escaped ':' is no ':' of the text, and an escaped quote none of the text's quotes.
    expect(() => Sample.fromJsonString('{"stringV":"\\u003a","stringV":"x"}')).toThrow(/duplicate key/);
    expect(() => Sample.fromJsonString('{"byName":{"\\u003a":1,"\\u003a":2}}')).toThrow(/duplicate key/);
    expect(Sample.fromJsonString('{"stringV":"a\\u003ab:c","byName":{"\\u003a":1}}')).toMatchObject({ stringV: "a:b:c", byName: { ":": 1 } });
  });

  test("deeply nested JSON text is an error, not a stack overflow", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(() => Sample.fromJsonString(`{"ints":${deep}}`)).toThrow(JsonDecodeError);
  });

  test("huge strings are read, not choked on", () => {
    const big = "x".repeat(5_000_000);
    expect(Sample.fromJsonString(JSON.stringify({ stringV: big })).stringV.length).toBe(5_000_000);
  });
});
