import { Any, createRegistry, TextDecodeError, Timestamp, type TextReadOptions } from "@tsgrpc/runtime";
import { Scalars, MapKeys, MapValues, RepeatedScalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { Wrapped } from "../../testdata/gen/scalars/v1/wrapped_pb.js";
import {
  Holder,
  Holder_holder_ext$extension,
  Legacy,
  file_legacy_v1_legacy,
  legacy_extra$extension,
  legacy_tags$extension,
} from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { Status, User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { inheritsNothing } from "./inherits-nothing.js";

const fails = (read: () => unknown, message: RegExp) => {
  expect(read).toThrow(TextDecodeError);
  expect(read).toThrow(message);
};
const scalars = (text: string) => Scalars.fromText(text);
const legacy = (text: string, options?: TextReadOptions) => Legacy.fromText(`name: "n" ${text}`, options);

describe("reading text format", () => {
  test("reads fields by .proto name, with comments, both separators and no separator", () => {
    const u = User.fromText(`
      # a comment
      id: "u1", display_name: 'Ada';   age: 36
      verified: true # trailing comment
      roles: "admin" roles: "dev"
      address { city: "Paris" }
      status: STATUS_ACTIVE
    `);
    expect(u).toEqual(
      new User({ id: "u1", displayName: "Ada", age: 36, verified: true, roles: ["admin", "dev"], address: { city: "Paris" }, status: Status.STATUS_ACTIVE }),
    );
  });

  test("reads integers in decimal, hex and octal, exactly at the limits of each type", () => {
    expect(scalars("f_int32: -2147483648 f_uint32: 0xFFFFFFFF f_int64: -0x8000000000000000 f_uint64: 01777777777777777777777 f_sint32: 017")).toMatchObject({
      fInt32: -2147483648,
      fUint32: 4294967295,
      fInt64: -9223372036854775808n,
      fUint64: 18446744073709551615n,
      fSint32: 15,
    });
    fails(() => scalars("f_int32: 2147483648"), /1:10: 2147483648 is out of range for int32/);
    fails(() => scalars("f_uint32: -1"), /out of range for uint32/);
    fails(() => scalars("f_uint64: 0x10000000000000000"), /out of range for uint64/);
    fails(() => scalars("f_int32: 1.5"), /expected an integer, got number 1.5/);
    fails(() => scalars("f_int32: 08"), /octal/);
  });

  test("reads floats: fractions, exponents, f suffixes, inf and nan in any case, -0; overflow is infinity", () => {
    const s = (v: string) => scalars(`f_double: ${v}`).fDouble;
    expect([s("1.5"), s(".5"), s("-.5e1"), s("2e3"), s("7f"), s("1.25F"), s("12"), s("-0")]).toEqual([1.5, 0.5, -5, 2000, 7, 1.25, 12, -0]);
    expect([s("inf"), s("-Infinity"), s("iNF"), s("1e9999"), s("-1e9999"), s("1e-9999")]).toEqual([Infinity, -Infinity, Infinity, Infinity, -Infinity, 0]);
    expect(s("NaN")).toBeNaN();
    expect(scalars("f_float: 3.4028235e+39").fFloat).toBe(Infinity);
    expect(scalars("f_float: 0.1").fFloat).toBe(Math.fround(0.1));
    fails(() => s("0x1"), /hex and octal are integers only/);
    fails(() => s("012"), /hex and octal are integers only/);
    fails(() => s("1e"), /exponent has no digits/);
    fails(() => s("1.5x"), /followed by a space or punctuation/);
  });

  test("reads bools as true/false, True/False, t/f and 1/0", () => {
    expect(["true", "True", "t", "1", "false", "False", "f", "0"].map((v) => scalars(`f_bool: ${v}`).fBool)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    fails(() => scalars("f_bool: yes"), /expected true or false, got identifier yes/);
  });

  test("decodes every escape, and concatenates adjacent literals", () => {
    expect(scalars(`f_string: "a\\tb\\n\\"q\\" \\'\\\\ \\101\\x42\\u00e9\\U0001F600" 'x' "y"`).fString).toBe('a\tb\n"q" \'\\ AB\u00e9\u{1F600}xy');
    expect(scalars(`f_bytes: "\\0\\377\\xff\\a\\b\\f\\v\\?é"`).fBytes).toEqual(new Uint8Array([0, 255, 255, 7, 8, 12, 11, 63, 0xc3, 0xa9]));
  });

  test("rejects invalid UTF-8 in strings (bytes take any bytes), surrogate escapes and code points past U+10FFFF", () => {
    fails(() => scalars(`f_string: "\\300"`), /1:11: string field holds invalid UTF-8/);
    expect(scalars(`f_bytes: "\\300"`).fBytes).toEqual(new Uint8Array([0xc0]));
    fails(() => scalars(`f_string: "\\ud801\\udc37"`), /1:12: \\ud801 is a surrogate/);
    fails(() => scalars(`f_bytes: "\\U00110000"`), /beyond U\+10FFFF/);
    fails(() => scalars(`f_string: "\\q"`), /invalid escape \\q/);
    fails(() => scalars(`f_string: "\\x"`), /\\x must be followed by hex digits/);
    fails(() => scalars(`f_string: "\\u12"`), /\\u must be followed by 4 hex digits/);
    fails(() => scalars(`f_string: "a\nb"`), /1:11: string literal not terminated before the end of the line/);
  });

  test("reads lists in [a, b] form, empty lists, and lone values of repeated fields", () => {
    expect(RepeatedScalars.fromText("f_int32: [1, -2, 0x3] f_int32: 4 f_string: [] f_string: ['a' 'b', \"c\"]")).toMatchObject({
      fInt32: [1, -2, 3, 4],
      fString: ["ab", "c"],
    });
    fails(() => RepeatedScalars.fromText("f_int32: [1,]"), /expected an integer, got "]"/);
    fails(() => RepeatedScalars.fromText("f_int32: [1; 2]"), /expected "," or "]", got ";"/);
    fails(() => RepeatedScalars.fromText("f_int32: [1 2]"), /expected "," or "]", got number 2/);
  });

  test("reads messages in {} or <>, with or without a colon; scalars need the colon", () => {
    expect(User.fromText("address: < city: 'a' > friends [{ id: 'x' }, < id: 'y' >]")).toMatchObject({
      address: { city: "a" },
      friends: [{ id: "x" }, { id: "y" }],
    });
    fails(() => User.fromText("id 'x'"), /1:4: expected ":" after id, got string 'x'/);
    fails(() => User.fromText("address { city: 'a' >"), /expected a field name, got ">"|message not closed/);
  });

  test("a singular field, or a second member of a oneof, given twice is an error; separators may not double", () => {
    fails(() => User.fromText("id: 'a' id: 'b'"), /1:9: field id given twice/);
    fails(() => User.fromText("address {} address {}"), /field address given twice/);
    fails(() => User.fromText("email: 'a' phone: 'b'"), /phone given beside another member of oneof contact/);
    fails(() => User.fromText("id: 'a',, age: 1"), /expected a field name, got ","/);
  });

  test("reads enums by name or number; a closed enum takes only its declared numbers", () => {
    expect(User.fromText("status: 2 history: [STATUS_ACTIVE, 7]")).toMatchObject({ status: Status.STATUS_SUSPENDED, history: [Status.STATUS_ACTIVE, 7] });
    expect(legacy("color: 3").color).toBe(3);
    fails(() => legacy("color: 7"), /7 is not a value of closed enum legacy.v1.Color/);
    fails(() => User.fromText("status: STATUS_NOPE"), /unknown value STATUS_NOPE for enum users.v1.Status/);
  });

  test("reads map entries as key/value messages; a missing key or value is its zero, the last entry for a key wins", () => {
    const m = MapKeys.fromText(
      `k_int64 { key: -5 value: "a" } k_bool [{ key: true value: "t" }, { value: "f" }] k_string { key: "__proto__" value: "p" } k_string { key: "x" value: "1" } k_string { value: "2" key: "x" }`,
    );
    expect({ ...m.kInt64 }).toEqual({ "-5": "a" });
    expect({ ...m.kBool }).toEqual({ true: "t", false: "f" });
    expect(Object.keys(m.kString)).toEqual(["__proto__", "x"]);
    expect(m.kString.x).toBe("2");
    expect(inheritsNothing(m.kString)).toBe(true);
    expect(MapValues.fromText("v_message { key: 'a' }").vMessage.a).toEqual(new MapValues());
    fails(() => MapKeys.fromText("k_int32 { key: 1 key: 2 }"), /map entry key given twice/);
    fails(() => MapKeys.fromText("k_int32 { k: 1 }"), /expected "key" or "value", got identifier k/);
  });

  test("reads groups under their type name or the field name", () => {
    const l = legacy("Item { id: 1 } Entry { key: 'a' } entry { key: 'b' }");
    expect(l.item?.id).toBe(1);
    expect(l.entry.map((e) => e.key)).toEqual(["a", "b"]);
    expect(legacy("item: { label: 'x' }").item?.label).toBe("x");
  });

  test("skips reserved field names with any value", () => {
    expect(legacy("retired: 5 retired: [1, 2] retired { a: 1 } retired: < b: [c, d] > retired: 'x' 'y' count: 1").count).toBe(1);
  });

  test("rejects unknown fields and field numbers, or skips unknown names under ignoreUnknownFields", () => {
    fails(() => User.fromText("\n  nope: 1"), /2:3: unknown field nope in users.v1.User/);
    fails(() => User.fromText("1: 'x'"), /field numbers are not accepted/);
    expect(User.fromText("nope { deep: [1, 2] } id: 'a' [x.y]: 3", { ignoreUnknownFields: true }).id).toBe("a");
  });

  test("reads unboxed wrapper fields as their wrapper message", () => {
    const w = Wrapped.fromText("w_string { value: 'a' } w_int64 {} choice_bytes < value: '\\001' > list { value: 'l' }");
    expect(w).toMatchObject({ wString: "a", wInt64: 0n, choice: { case: "choiceBytes", value: new Uint8Array([1]) } });
    expect(w.list[0]?.value).toBe("l");
  });

  test("reads extensions named [pkg.ext] with a registry, into unknown fields as binary holds them", () => {
    const registry = createRegistry(file_legacy_v1_legacy);
    const l = legacy("[legacy.v1.legacy_extra]: 7 [legacy.v1.legacy_tags]: ['a', 'b'] [legacy.v1.Holder.holder_ext] { legacy { name: 'in' } }", { registry });
    const back = Legacy.fromBinary(l.toBinary());
    expect(back.toJson({ registry })).toMatchObject({
      "[legacy.v1.legacy_extra]": 7,
      "[legacy.v1.legacy_tags]": ["a", "b"],
      "[legacy.v1.Holder.holder_ext]": { legacy: { name: "in" } },
    });
    fails(() => legacy("[legacy.v1.legacy_extra]: 7"), /unknown extension \[legacy.v1.legacy_extra\] of legacy.v1.Legacy \(no registry given/);
    fails(() => legacy("[legacy.v1.legacy_extra]: 7 [legacy.v1.legacy_extra]: 8", { registry }), /extension \[legacy.v1.legacy_extra\] given twice/);
    fails(() => Holder.fromText("[legacy.v1.legacy_extra]: 7", { registry }), /unknown extension/);
    expect([legacy_extra$extension, legacy_tags$extension, Holder_holder_ext$extension].every((x) => registry.getExtension(x.typeName))).toBe(true);
  });

  test("reads Any in its expanded form with a registry, and in its raw form", () => {
    const registry = createRegistry(User, Timestamp);
    const any = Any.fromText("[type.googleapis.com/users.v1.User] { id: 'u' }", { registry });
    expect(any.unpack(User)?.id).toBe("u");
    expect(Any.fromText('type_url: "x/y" value: "\\001"')).toMatchObject({ typeUrl: "x/y", value: new Uint8Array([1]) });
    fails(
      () => Any.fromText("[type.googleapis.com/users.v1.Nope] {}", { registry }),
      /1:1: google.protobuf.Any type type.googleapis.com\/users.v1.Nope is not in the registry/,
    );
    fails(() => Any.fromText("[a.com/users.v1.User] {} [a.com/users.v1.User] {}", { registry }), /holds one message/);
    fails(() => Any.fromText("type_url: 'a/b' [a.com/users.v1.User] {}", { registry }), /holds one message/);
  });

  test("mergeText replaces singular fields, merges messages, appends lists and adds map entries", () => {
    const u = new User({ id: "a", age: 3, roles: ["r1"], address: { city: "c", street: "s" }, labels: { k: "v" } });
    expect(u.mergeText("id: 'b' roles: 'r2' address { city: 'd' } labels { key: 'k2' value: 'v2' }")).toBe(u);
    expect(u).toEqual(new User({ id: "b", age: 3, roles: ["r1", "r2"], address: { city: "d", street: "s" }, labels: { k: "v", k2: "v2" } }));
  });

  test("rejects input that is not a string", () => {
    fails(() => User.fromText(5 as never), /expected text format as a string, got number/);
  });
});
