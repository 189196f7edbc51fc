/**
 * Hostile text format: each input gets a TextDecodeError with its line and
 * column at once, never a hang, a stack overflow or a changed prototype.
 */
import { Any, createRegistry, TextDecodeError } from "@tsgrpc/runtime";
import { Maps, Tree } from "../../testdata/gen/hostile/v1/tree_pb.js";
import { Scalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { Legacy } from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { User } from "../../testdata/gen/users/v1/user_service_pb.js";
import { expectPrototypeUntouched } from "./fuzz/pollution";
import { inheritsNothing } from "./inherits-nothing.js";

/** The TextDecodeError `read` throws, checked to carry a position. */
function error(read: () => unknown): TextDecodeError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(TextDecodeError);
    const err = e as TextDecodeError;
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.column).toBeGreaterThanOrEqual(1);
    return err;
  }
  throw new Error("no error thrown");
}

const MB5 = 5 * 1024 * 1024;

describe("hostile text format", () => {
  expectPrototypeUntouched();

  test("nesting past maxDepth (default 100) in fields, skipped values and map entries, 100 000 levels deep", () => {
    const deep = 100_000;
    expect(error(() => Tree.fromText("left {".repeat(deep))).message).toMatch(/^1:601: nesting deeper than maxDepth 100$/);
    expect(error(() => Legacy.fromText("retired {".repeat(deep))).message).toMatch(/nesting deeper than maxDepth 100/);
    expect(error(() => Tree.fromText("left <\n".repeat(deep), { maxDepth: 5 })).message).toMatch(/^6:1: nesting deeper than maxDepth 5$/);
    expect(error(() => Maps.fromText("bool_maps { value {".repeat(deep))).message).toMatch(/nesting deeper than maxDepth 100/);
    // A limit past what the call stack holds still ends in a typed error.
    expect(error(() => Tree.fromText("left {".repeat(deep), { maxDepth: 1e9 })).message).toMatch(/nesting (deeper than maxDepth|too deep for the call stack)/);
  });

  test("numbers with a million digits: out of range at once, floats to infinity or zero", () => {
    const digits = "9".repeat(1_000_000);
    expect(error(() => Scalars.fromText(`f_int64: ${digits}`)).message).toMatch(/^1:10: 9{40}… is out of range for int64$/);
    expect(error(() => Scalars.fromText(`f_uint32: 0x${"f".repeat(1_000_000)}`)).message).toMatch(/out of range for uint32/);
    expect(Scalars.fromText(`f_uint64: ${"0".repeat(1_000_000)}1`).fUint64).toBe(1n);
    expect(Scalars.fromText(`f_double: ${digits}`).fDouble).toBe(Infinity);
    expect(Scalars.fromText(`f_double: 1e-${digits}`).fDouble).toBe(0);
    expect(Scalars.fromText(`f_float: -${digits}.5e${digits}f`).fFloat).toBe(-Infinity);
  });

  test("unterminated strings and messages, located where they start or end", () => {
    expect(error(() => User.fromText('id: "abc')).message).toBe("1:5: string literal not terminated before the end of the text");
    expect(error(() => User.fromText("id: 'abc\nage: 1")).message).toBe("1:5: string literal not terminated before the end of the line");
    expect(error(() => User.fromText("address {\n  city: 'x'\n")).message).toBe('3:1: message not closed: expected "}" before the end of the text');
    expect(error(() => User.fromText("friends < id: 'x' }")).message).toBe('1:19: expected a field name, got "}"');
    expect(error(() => User.fromText("roles: ['a', 'b'")).message).toBe('1:17: expected "," or "]", got the end of the text');
    expect(error(() => User.fromText('id: "\\')).message).toMatch(/^1:5: string literal not terminated/);
  });

  test("an Any whose type is not in the registry", () => {
    const registry = createRegistry(User);
    expect(error(() => Any.fromText("\n  [type.googleapis.com/evil.Type] { x: 1 }", { registry })).message).toBe(
      "2:3: google.protobuf.Any type type.googleapis.com/evil.Type is not in the registry (text options: registry)",
    );
    expect(error(() => Any.fromText("[type.googleapis.com/users.v1.User] { id: 'x' }")).message).toMatch(/^1:1: .* is not in the registry/);
  });

  test("a 5 MB token: identifier, string, number, comment, and one bad character at its end", () => {
    const long = "a".repeat(MB5);
    expect(error(() => User.fromText(long)).message).toBe(`1:1: unknown field ${"a".repeat(40)}… in users.v1.User`);
    expect(User.fromText(`id: "${long}"`).id).toHaveLength(MB5);
    expect(User.fromText(`# ${long}\nid: 'x'`).id).toBe("x");
    expect(User.fromText(`avatar: "${"\\377".repeat(MB5 / 4)}"`).avatar).toHaveLength(MB5 / 4);
    expect(error(() => User.fromText(`id: "${long}\\q"`)).message).toBe(`1:${MB5 + 6}: invalid escape \\q`);
    expect(error(() => User.fromText(`age: ${"1".repeat(MB5)}`)).message).toMatch(/^1:6: 1{40}… is out of range for int32$/);
    expect(error(() => User.fromText(`[${long}]: 1`)).message).toMatch(/^1:1: unknown extension \[a{40}…\] of users.v1.User/);
  });

  test("__proto__, constructor and other Object.prototype names are unknown fields or ordinary map keys", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(error(() => User.fromText(`${name} { polluted: 1 }`)).message).toBe(`1:1: unknown field ${name} in users.v1.User`);
      expect(error(() => User.fromText(`status: ${name}`)).message).toMatch(/unknown value/);
    }
    const m = Maps.fromText("string_string { key: '__proto__' value: 'p' } string_string { key: 'constructor' value: 'c' }");
    expect(Object.keys(m.stringString)).toEqual(["__proto__", "constructor"]);
    expect(inheritsNothing(m.stringString)).toBe(true);
    expect(User.fromText("labels { key: '__proto__' value: 'x' }").labels["__proto__"]).toBe("x");
  });

  test("characters outside the grammar are located", () => {
    expect(error(() => User.fromText("id: 'a'\n  age: 1 @")).message).toBe('2:10: unexpected character "@"');
    expect(error(() => User.fromText("id: 'a' \u{1F600}")).message).toBe('1:9: unexpected character "\u{1F600}"');
    expect(error(() => User.fromText("age: 1x")).message).toBe("1:7: a number must be followed by a space or punctuation, not a letter");
  });
});
