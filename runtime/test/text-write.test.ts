import { inspect } from "node:util";
import { Any, createRegistry, TextEncodeError } from "@tsgrpc/runtime";
import { MapKeys, RepeatedScalars, Scalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { Wrapped } from "../../testdata/gen/scalars/v1/wrapped_pb.js";
import { Color, Legacy, Legacy_Entry, Legacy_Item, file_legacy_v1_legacy } from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { Status, User, User_Preference, file_users_v1_user_service } from "../../testdata/gen/users/v1/user_service_pb.js";

const user = new User({
  id: "u1",
  age: 36,
  roles: ["admin", "dev"],
  address: { city: "Paris" },
  status: Status.STATUS_ACTIVE,
  labels: { b: "2", a: "1" },
  contact: { case: "email", value: "ada@example.com" },
  preferences: [new User_Preference({ key: "k" })],
  middleName: "",
});

describe("writing text format", () => {
  test("prints set fields in field-number order, one per line, nested messages indented, map entries sorted", () => {
    expect(user.toText()).toBe(
      [
        'id: "u1"',
        "age: 36",
        'roles: "admin"',
        'roles: "dev"',
        "address {",
        '  city: "Paris"',
        "}",
        "labels {",
        '  key: "a"',
        '  value: "1"',
        "}",
        "labels {",
        '  key: "b"',
        '  value: "2"',
        "}",
        'email: "ada@example.com"',
        "status: STATUS_ACTIVE",
        "middle_name {",
        "}",
        "preferences {",
        '  key: "k"',
        "}",
        "",
      ].join("\n"),
    );
  });

  test("prints on one line with singleLine, and indents as asked", () => {
    expect(user.toText({ singleLine: true })).toBe(
      'id: "u1" age: 36 roles: "admin" roles: "dev" address { city: "Paris" } labels { key: "a" value: "1" } labels { key: "b" value: "2" } email: "ada@example.com" status: STATUS_ACTIVE middle_name { } preferences { key: "k" }',
    );
    expect(new User({ address: {} }).toText({ indent: 4 })).toBe("address {\n}\n");
    expect(new User({ address: { city: "x" } }).toText({ indent: 4 })).toBe('address {\n    city: "x"\n}\n');
    expect(new User().toText()).toBe("");
  });

  test("prints floats as the shortest text that reads back, and inf, nan, -0", () => {
    const text = (fDouble: number, fFloat: number) => new Scalars({ fDouble, fFloat }).toText({ singleLine: true });
    expect(text(0.1, Math.fround(0.1))).toBe("f_double: 0.1 f_float: 0.1");
    expect(text(1e21, Math.fround(3.4028235e38))).toBe("f_double: 1e+21 f_float: 3.4028235e+38");
    expect(text(-0, NaN)).toBe("f_double: -0 f_float: nan");
    expect(text(Infinity, -Infinity)).toBe("f_double: inf f_float: -inf");
  });

  test("escapes strings (UTF-8 kept readable) and bytes (every non-printable byte in octal)", () => {
    const s = new Scalars({ fString: "a\"b'c\\d\n\t\r\x01é\u{1F600}", fBytes: new Uint8Array([0, 0x41, 0x22, 0xff, 0x0a]) });
    expect(s.toText()).toBe(`f_string: "a\\"b\\'c\\\\d\\n\\t\\r\\001é\u{1F600}"\nf_bytes: "\\000A\\"\\377\\n"\n`);
    expect(Scalars.fromText(s.toText())).toEqual(s);
  });

  test("prints 64-bit integers exactly, and enum numbers that have no name", () => {
    expect(new Scalars({ fInt64: -9223372036854775808n, fUint64: 18446744073709551615n }).toText({ singleLine: true })).toBe(
      "f_int64: -9223372036854775808 f_uint64: 18446744073709551615",
    );
    expect(new User({ status: 42 as Status, bigAsString: "-7" }).toText({ singleLine: true })).toBe("status: 42 big_as_string: -7");
  });

  test("prints groups under their type name, and proto2 fields with presence even when zero", () => {
    const l = new Legacy({ name: "", count: 0, color: Color.COLOR_RED, item: new Legacy_Item({ id: 1 }), entry: [new Legacy_Entry({ key: "e" })] });
    expect(l.toText({ singleLine: true })).toBe('name: "" count: 0 color: COLOR_RED Item { id: 1 } Entry { key: "e" }');
    expect(Legacy.fromText(l.toText())).toEqual(l);
  });

  test("prints map keys of every type sorted by value", () => {
    const m = new MapKeys({ kInt64: { "10": "a", "-2": "b", "3": "c" }, kBool: { true: "t", false: "f" } });
    expect(m.toText({ singleLine: true })).toBe(
      'k_int64 { key: -2 value: "b" } k_int64 { key: 3 value: "c" } k_int64 { key: 10 value: "a" } k_bool { key: false value: "f" } k_bool { key: true value: "t" }',
    );
    expect(MapKeys.fromText(m.toText())).toEqual(m);
  });

  test("prints unboxed wrapper fields as their wrapper message", () => {
    const w = new Wrapped({ wString: "s", wInt32: 0, choice: { case: "choiceInt64", value: 5n } });
    expect(w.toText({ singleLine: true })).toBe('w_int32 { } w_string { value: "s" } choice_int64 { value: 5 }');
    expect(Wrapped.fromText(w.toText())).toEqual(w);
  });

  test("prints Any expanded when the registry knows its type, else raw", () => {
    const any = Any.pack(new User({ id: "x" }));
    expect(any.toText({ singleLine: true, registry: createRegistry(User) })).toBe('[type.googleapis.com/users.v1.User] { id: "x" }');
    expect(any.toText({ singleLine: true })).toBe('type_url: "type.googleapis.com/users.v1.User" value: "\\n\\001x"');
    expect(Any.fromText(any.toText({ registry: createRegistry(User) }), { registry: createRegistry(User) })).toEqual(any);
  });

  test("prints extensions the registry knows as [pkg.ext], and other unknown fields by number only when asked", () => {
    const registry = createRegistry(file_legacy_v1_legacy);
    const l = Legacy.fromText("name: 'n' [legacy.v1.legacy_tags]: ['a', 'b'] [legacy.v1.legacy_extra]: 7", { registry });
    expect(l.toText({ singleLine: true, registry })).toBe('name: "n" [legacy.v1.legacy_extra]: 7 [legacy.v1.legacy_tags]: "a" [legacy.v1.legacy_tags]: "b"');
    expect(l.toText({ singleLine: true })).toBe('name: "n"');
    expect(l.toText({ singleLine: true, printUnknownFields: true })).toBe('name: "n" 101: "a" 101: "b" 100: 7');
    // Unknown to User: a varint, a fixed64, a fixed32, a nested message, bytes that are not one, a group.
    const u = User.fromBinary(
      Uint8Array.of(
        0xf8,
        0x0f,
        0x96,
        0x01,
        0xf9,
        0x0f,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0xfd,
        0x0f,
        0xff,
        0,
        0,
        0,
        0x82,
        0x10,
        2,
        0x08,
        1,
        0x8a,
        0x10,
        1,
        0xff,
        0x93,
        0x10,
        0x08,
        5,
        0x94,
        0x10,
      ),
    );
    expect(u.toText({ printUnknownFields: true, singleLine: true })).toBe(
      '255: 150 255: 0x0000000000000001 255: 0x000000ff 256 { 1: 1 } 257: "\\377" 258 { 1: 5 }',
    );
  });

  test("a value its field cannot hold is a TextEncodeError naming the field's path", () => {
    const bad = (u: User, message: RegExp) => {
      expect(() => u.toText()).toThrow(TextEncodeError);
      expect(() => u.toText()).toThrow(message);
    };
    bad(new User({ age: 2.5 }), /^age: expected int32, got number 2.5$/);
    bad(new User({ friends: [new User({ createdAtMs: "x" as never })] }), /^friends.created_at_ms: expected int64, got string "x"$/);
    bad(Object.assign(new User(), { address: { city: "x" } }), /^address: expected common.v1.Address, got object/);
    const cyclic = new User();
    cyclic.friends.push(cyclic);
    expect(() => cyclic.toText()).toThrow(/nesting deeper than 1000: does the message contain itself\?/);
    expect(() => user.toText({ indent: 99 })).toThrow(/indent must be an integer from 0 to 16/);
  });

  test("round-trips every scalar and repeated field", () => {
    const s = new RepeatedScalars({
      fDouble: [1.5, -0, Infinity],
      fFloat: [Math.fround(1.1)],
      fInt64: [-1n],
      fUint64: [2n ** 64n - 1n],
      fBool: [true, false],
      fString: ["", "é"],
      fBytes: [new Uint8Array([1, 2])],
      fSint32: [-3],
    });
    expect(RepeatedScalars.fromText(s.toText())).toEqual(s);
    expect(RepeatedScalars.fromText(s.toText({ singleLine: true }))).toEqual(s);
  });
});

describe("console.log and util.inspect of a message", () => {
  test("show the class name and the set fields as text format, on one line when short", () => {
    expect(inspect(new User({ id: "u1", status: Status.STATUS_ACTIVE }))).toBe('User { id: "u1" status: STATUS_ACTIVE }');
    expect(inspect(new User())).toBe("User {}");
  });

  test("break long messages into one field per line", () => {
    expect(inspect(user)).toBe(`User {\n${user.toText().replace(/^(?=.)/gm, "  ")}}`);
  });

  test("show the raw properties when a field holds a value its type cannot", () => {
    expect(inspect(new User({ age: "x" as never }))).toMatch(/^User \{[^]*age: 'x'/);
  });
});

describe("the README's Text format example", () => {
  const readmeUser = () =>
    User.fromText(`
  # comments, and "," or ";" after a field, are allowed
  id: "u1"
  display_name: 'Ada'
  roles: ["admin", "dev"]          # or a roles: line per value
  address { city: "London" }       # messages in { } or < >
  labels { key: "team" value: "core" }
  status: STATUS_ACTIVE            # enums by name or number
`);

  test("prints what its comments say", () => {
    const user = readmeUser();
    expect(user.toText()).toMatch(/^id: "u1"\ndisplay_name: "Ada"\nroles: "admin"\nroles: "dev"\naddress {\n {2}city: "London"\n}\n/);
    user.mergeText('age: 37 roles: "owner"');
    expect(user).toMatchObject({ age: 37, roles: ["admin", "dev", "owner"] });
    const registry = createRegistry(file_users_v1_user_service);
    expect(Any.pack(user).toText({ registry })).toMatch(/^\[type.googleapis.com\/users.v1.User\] \{\n {2}id: "u1"\n/);
    expect(() => User.fromText("id: 'u1'\nage: 3.5")).toThrow(/^2:6: expected an integer, got number 3.5$/);
    expect(inspect(new User({ id: "u1", status: Status.STATUS_ACTIVE }))).toBe('User { id: "u1" status: STATUS_ACTIVE }');
  });
});
