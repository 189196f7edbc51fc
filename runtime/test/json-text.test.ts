import { JsonEncodeError } from "../src/errors";
// The generated test classes are typed against the built runtime: their Timestamp and Duration come from it too.
import { Duration, Timestamp } from "@tsgrpc/runtime";
import { MapKeys, MapValues, RepeatedScalars, Scalars, Times } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { GetUserRequest, User, UserEvent } from "../../testdata/gen/users/v1/user_service_pb.js";

/**
 * `toJsonString` writes the text directly where the message's class has a
 * generated `$toJsonText`; its text must be exactly JSON.stringify of what
 * `toJson` gives (the fuzz suite checks that on random messages, fuzz/json-generated).
 */
describe("writing JSON text directly (generated $toJsonText)", () => {
  const same = (m: { toJsonString(): string; toJson(): unknown }) => expect(m.toJsonString()).toBe(JSON.stringify(m.toJson()));

  test("is generated for messages without repeated message fields, and not for those with them or holding one", () => {
    for (const T of [Scalars, MapKeys, MapValues, GetUserRequest, Times]) expect(Object.hasOwn(T.prototype, "$toJsonText")).toBe(true);
    expect(Object.hasOwn(RepeatedScalars.prototype, "$toJsonText")).toBe(true); // it has strings and bytes, not only numbers
    expect(Object.hasOwn(User.prototype, "$toJsonText")).toBe(false); // repeated User friends
    expect(Object.hasOwn(UserEvent.prototype, "$toJsonText")).toBe(false); // its User field
  });

  test("escapes what JSON.stringify escapes: quotes, backslashes, control characters, lone surrogates", () => {
    for (const s of ['a"b', "a\\b", "\u0000\u001f\n\t", "😀", "\u2028\u2029", "é\u007f", "</script>"]) {
      const m = new Scalars({ fString: s });
      same(m);
      expect(Scalars.fromJsonString(m.toJsonString()).fString).toBe(s);
    }
    // A lone surrogate is escaped as JSON.stringify escapes it (no valid proto string holds one: the reader rejects it).
    for (const s of ["\ud800", "x\udfffy"]) same(new Scalars({ fString: s }));
  });

  test("writes map keys escaped, a __proto__ key as a key, and keys in the order toJson has them", () => {
    const m = new MapKeys({ kString: { __proto__: "p", 'q"uote': "v", "\ud800": "s" }, kInt32: { "5": "a", "-1": "b", "2": "c" }, kBool: { true: "t" } });
    same(m);
    expect(m.toJsonString()).toContain('"kInt32":{"2":"c","5":"a","-1":"b"}');
    const v = new MapValues({
      vDouble: { a: NaN, b: -0, c: 1.5 },
      vInt64: { x: -9223372036854775808n },
      vBool: { y: false },
      vBytes: { z: new Uint8Array([255]) },
    });
    v.vMessage.n = new MapValues({ vDouble: { d: Infinity } });
    same(v);
  });

  test("escapes a key of a number-keyed map set by hand as JSON.stringify does, and long or non-ASCII keys and values", () => {
    const long = `${"k".repeat(40)}"\n`;
    const m = new MapKeys({
      kInt32: { 'a"b': "x", "\u0001": "y", "\ud800": "z", é: "w", "7": long },
      kBool: { "tru\\e": "t" },
      kString: { [long]: long, [`${"é".repeat(40)}`]: "é" },
    });
    same(m);
    expect(MapKeys.fromJsonString(new MapKeys({ kString: { [long]: long } }).toJsonString()).kString[long]).toBe(long);
  });

  test("writes bool and 64-bit map values as the object path does; one out of range or of another type takes that path", () => {
    same(new MapValues({ vBool: { t: true, f: false }, vInt64: { min: -9223372036854775808n, max: 9223372036854775807n } }));
    for (const n of [1, 0, null]) expect(() => new MapValues({ vBool: { n: n as unknown as boolean } }).toJsonString()).toThrow(JsonEncodeError);
    expect(() => new MapValues({ vInt64: { x: 9223372036854775808n } }).toJsonString()).toThrow(JsonEncodeError);
    expect(new MapValues({ vInt64: { x: "12" as unknown as bigint } }).toJsonString()).toBe('{"vInt64":{"x":"12"}}');
  });

  test("writes numbers as JSON.stringify does, 64-bit integers quoted, special floats as names", () => {
    same(
      new Scalars({
        fDouble: -0,
        fFloat: Math.fround(0.1),
        fInt64: -1n,
        fUint64: 18446744073709551615n,
        fInt32: -2147483648,
        fFixed32: 4294967295,
        fBool: true,
      }),
    );
    same(new Scalars({ fDouble: 1e21, fFloat: 5e-324, fSfixed64: 9223372036854775807n }));
    same(new Scalars({ fDouble: NaN, fFloat: -Infinity }));
    same(new RepeatedScalars({ fDouble: [1, NaN, -0], fInt64: [1n, -2n], fString: ["a", '"'], fBytes: [new Uint8Array([1, 2])], fBool: [true, false] }));
  });

  test("writes 64-bit lists of every type to each type's bounds; a value out of range or not a bigint takes the object path", () => {
    const m = new RepeatedScalars({
      fInt64: [-9223372036854775808n, 0n, 9223372036854775807n],
      fSint64: [-1n],
      fSfixed64: [9223372036854775807n, -9223372036854775808n],
      fUint64: [0n, 18446744073709551615n],
      fFixed64: [18446744073709551615n, 7n],
    });
    same(m);
    expect(m.toJsonString()).toContain('"fInt64":["-9223372036854775808","0","9223372036854775807"]');
    expect(m.toJsonString()).toContain('"fUint64":["0","18446744073709551615"]');
    // A decimal string in a bigint list is not taken here; the field table writes it as the number it names.
    same(new RepeatedScalars({ fInt64: [1n, "2" as unknown as bigint] }));
    expect(new RepeatedScalars({ fInt64: [1n, "2" as unknown as bigint] }).toJsonString()).toBe('{"fInt64":["1","2"]}');
    expect(() => new RepeatedScalars({ fUint64: [1n, -1n] }).toJsonString()).toThrow(JsonEncodeError);
    expect(() => new RepeatedScalars({ fInt64: [9223372036854775808n] }).toJsonString()).toThrow(JsonEncodeError);
    expect(() => new RepeatedScalars({ fSfixed64: [-9223372036854775809n] }).toJsonString()).toThrow(JsonEncodeError);
  });

  test("writes Timestamp and Duration fields in their string forms, and nothing for an empty message", () => {
    const e = new Times({ at: new Timestamp({ seconds: 1_700_000_000n, nanos: 5_000_000 }), took: new Duration({ seconds: 3n }) });
    e.seen.x = new Timestamp({ seconds: -1n });
    same(e);
    expect(e.toJsonString()).toBe('{"at":"2023-11-14T22:13:20.005Z","took":"3s","seen":{"x":"1969-12-31T23:59:59Z"}}');
    expect(new Scalars().toJsonString()).toBe("{}");
    expect(new Duration({ seconds: -1n, nanos: -500_000_000 }).toJsonString()).toBe('"-1.500s"');
  });

  test("a value it cannot write falls back to the object path, whose error names the field", () => {
    const m = new Scalars({ fInt32: 1.5 });
    expect(() => m.toJsonString()).toThrow(new JsonEncodeError("fInt32: expected int32, got number 1.5"));
    const nested = new MapValues();
    nested.vMessage.k = new MapValues({ vInt64: { x: "twelve" as unknown as bigint } });
    expect(() => nested.toJsonString()).toThrow(/vInt64: expected int64, got string "twelve"/);
    // A value the generated helpers decline but the field table accepts is written by the table.
    expect(new Scalars({ fInt64: "0" as unknown as bigint }).toJsonString()).toBe("{}");
  });

  test("options other than registry, and prettySpaces, take the object path with the same content", () => {
    const m = new Scalars({ fString: "x", fInt32: 3 });
    expect(m.toJsonString({ prettySpaces: 2 })).toBe(JSON.stringify(m.toJson(), null, 2));
    expect(m.toJsonString({ useProtoFieldName: true })).toBe('{"f_int32":3,"f_string":"x"}');
    expect(JSON.parse(m.toJsonString({ emitDefaultValues: true }))).toMatchObject({ fInt32: 3, fString: "x", fBool: false });
  });
});
