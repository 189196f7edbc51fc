/**
 * Hand-picked values per rule of the test schemas: just inside, on and just outside each bound;
 * empty, unicode and malformed inputs for the formats.
 */
import { Any, Duration, FieldMask, Timestamp, type Message } from "@tsgrpc/runtime";
import { Bools, Bytes, Numbers, Strings } from "../../../testdata/validate/gen/cases/v1/scalars_pb";
import { Color, Enums, Ignored, Item, Lists, Maps, MessageOneof, NoRules, Oneofs, Outer, Outer_Inner, Outer_Middle, Required, Tree } from "../../../testdata/validate/gen/cases/v1/structure_pb";
import { Anys, Masks, Times, Wrappers } from "../../../testdata/validate/gen/cases/v1/wkt_pb";
import { Booking, Room, WrongResult } from "../../../testdata/validate/gen/cases/v1/cel_pb";
import { Fine, HoldsBad, OneofEmpty, OneofUnknownField, RuleOnMessage, WrongType } from "../../../testdata/validate/gen/cases/v1/bad_pb";

const b = (...xs: number[]) => new Uint8Array(xs);
const text = (s: string) => new TextEncoder().encode(s);
const dur = (seconds: bigint, nanos = 0) => new Duration({ seconds, nanos });
const ts = (seconds: bigint, nanos = 0) => new Timestamp({ seconds, nanos });
const nowSec = () => BigInt(Math.floor(Date.now() / 1000));

/** Strings that exercise the formats (valid, invalid, edge). */
export const formatSamples = [
  "", "a", "ab", "abc", "é", "日本語", "😀😀", "a@b", "a@b.c", "user.name+tag@example.com", "@example.com", "a@-b.com", "a@b-.com", "a@b..com", "a b@c.d",
  "example.com", "example.com.", "-a.com", "a-.com", "a..b", "123", "1.2.3.4", "1.2.3", "256.1.1.1", "01.2.3.4", "0.0.0.0", "a.b.c1", "xn--bcher-kva.example",
  "a".repeat(63) + ".com", "a".repeat(64) + ".com", "::1", "::", "1::", "2001:db8::1", "2001:db8:0:0:0:0:0:1", "2001:db8::1::2", "::ffff:1.2.3.4", "fe80::1%eth0", "fe80::1%", ":::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::",
  "1.2.3.0/24", "1.2.3.4/24", "1.2.3.4/33", "1.2.3.4/", "10.0.0.0/8", "10.0.0.0/08", "2001:db8::/32", "2001:db8::1/32", "::/0", "::1/129", "0.0.0.0/0",
  "http://example.com", "https://user:pw@example.com:8080/a/b?q=1#frag", "mailto:a@b.c", "urn:isbn:123", "http://[::1]:80/", "http://[fe80::1%25eth0]/", "http://[v1.x]/", "http://ex ample.com", "http://a%zz", "http://%41.com",
  "/relative/path", "./a", "../b?c#d", "//host/path", "a:b", "1a:b", "?q", "#f", "http://例え.jp", "http://a.com/%E2%82%AC", "foo://", "http://[::1", "http://a.com:port",
  "550e8400-e29b-41d4-a716-446655440000", "550E8400-E29B-41D4-A716-446655440000", "550e8400e29b41d4a716446655440000", "550e8400-e29b-41d4-a716-44665544000", "g50e8400-e29b-41d4-a716-446655440000",
  "example.com:80", "example.com:65535", "example.com:65536", "example.com:080", "example.com:", "[::1]:443", "[::1]", "1.2.3.4:0", "example.com", "::1:80",
  "Content-Type", ":authority", "bad header", "x\u0000y", "ok\tvalue", "line\nbreak", "a\u007fb",
  "01ARZ3NDEKTSV4RRFFQ69G5FAV", "81ARZ3NDEKTSV4RRFFQ69G5FAV", "01ARZ3NDEKTSV4RRFFQ69G5FAI",
  "foo.bar", "foo", ".foo.bar", "foo..bar", "1foo", "_a._b",
  "pre-x-fix", "prefix", "prexfix", "ok", "OK", "bad", "x", "abcdef", "ABCDEF", "abc1", "aB",
];

export const boundaryCases: Message<any>[] = [
  // numbers
  ...[4, 5, 6].map((n) => new Numbers({ i32Gt: n, i32Range: n, i32Exclusive: n, i32Const: n, i32In: n, i32NotIn: n })),
  ...[-11, -10, 9, 10, 11, 0].map((n) => new Numbers({ i32Gt: 6, i32Range: n, i32Exclusive: n, i32Const: 7, i32In: 1, i32NotIn: 1 })),
  ...[-5n, -4n, 9000000000n, 9000000001n, 0n].map((n) => new Numbers({ i64Range: n, i64Lte: n })),
  ...[2, 3, 300, 301].map((n) => new Numbers({ u32Range: n, s32Lt: n - 3, f32Gte: n - 3 < 0 ? 0 : n - 3, sf32Range: n - 4 })),
  ...[9n, 10n, 11n, 99n, 100n, 101n, 18446744073709551615n].map((n) => new Numbers({ u64Exclusive: n, f64Const: n, u64GtLt: n })),
  ...[-101n, -100n, -99n, 0n, 1n, -1n].map((n) => new Numbers({ sf64Exclusive: n, s64In: n })),
  ...[0, -0, 1e-45, 1.5, 1.4999999, NaN, Infinity, -Infinity, 0.5, 1].map((n) => new Numbers({ flRange: n, flFinite: n, flNotIn: n })),
  ...[-0.5, -0.50001, 0.25, 0.2500001, NaN, Infinity, 0.1, 2.5, -3, -1e300, -1e301, 5, 10, 7].map((n) => new Numbers({ dbRange: n, dbIn: n, dbFiniteGt: n, dbExclusive: n })),
  new Numbers({ optI32: 0 }),
  new Numbers({ optI32: 100 }),
  new Numbers({ optI32: 101 }),
  // strings
  ...formatSamples.map(
    (s) =>
      new Strings({
        const: s, len: s, minMax: s, bytesLen: s, lenBytes: s, pattern: s, affixes: s, notContains: s, in: s, notIn: s, email: s, hostname: s, ip: s, ipv4: s, ipv6: s, uri: s, uriRef: s, address: s,
        uuid: s, tuuid: s, ipWithPrefixlen: s, ipv4WithPrefixlen: s, ipv6WithPrefixlen: s, ipPrefix: s, ipv4Prefix: s, ipv6Prefix: s, hostAndPort: s, headerName: s, headerValue: s, headerLoose: s,
        ulid: s, fqn: s, dotFqn: s, many: s, optEmail: s, ignoredEmpty: s,
      }),
  ),
  new Strings(),
  // bytes
  ...[b(), b(1, 2), b(1), b(1, 2, 3), b(1, 2, 3, 4), text("ab"), text("cd"), text("zz"), b(1, 0, 0xff), b(0xff, 0xfe), b(0xc3, 0xa9), b(...new Array<number>(16).fill(7)), b(1, 0xff)].map(
    (x) => new Bytes({ const: x, len: x, minMax: x, pattern: x, affixes: x, in: x, notIn: x, ip: x, ipv4: x, ipv6: x, uuid: x }),
  ),
  // bools, enums
  new Bools(),
  new Bools({ mustBeTrue: true, optFalse: false }),
  new Bools({ optFalse: true }),
  ...[0, 1, 2, 3, 5, 99, -1].map((n) => new Enums({ defined: n as Color, in: n as Color, notIn: n as Color, const: n as Color, all: n as Color })),
  // lists
  new Lists(),
  new Lists({ tags: ["ab", "ab"], ids: [1n, 1n, 0n], scores: [NaN, NaN, 0, -0], blobs: [b(1), b(1), b(1, 2, 3)], colors: [1, 1, 7 as Color], skipEmpty: ["", "a@b.c", "nope"], nonemptyOnly: [1] }),
  new Lists({ tags: ["a", "bb", "cc", "dd"], items: [new Item({ name: "" }), new Item({ name: "x", qty: -1 }), new Item(), new Item(), new Item()], scores: [Infinity], nonemptyOnly: [1, 2] }),
  new Lists({ tags: ["abc"], ids: [5n, 6n], scores: [1, 2], blobs: [b(), b(1)], colors: [0, 1, 2, 5] }),
  // maps
  new Maps(),
  new Maps({ counts: { a: 0, bb: 1, cc: -1, dd: 2 }, names: { "-1": "ok.com", "5": "-bad-", "0": "" }, byFlag: { true: new Item({ name: "" }), false: new Item({ name: "x" }) } }),
  new Maps({ colors: { "1": 1, "7": 9 as Color }, blobs: { "0": b(), "-3": b(1) }, skip: { "": "toolong", "550e8400-e29b-41d4-a716-446655440000": "", bad: "x" } }),
  // required, ignore
  new Required(),
  new Required({ name: "x", count: 0, item: new Item({ name: "n" }), list: ["a"], map: { a: "b" }, color: Color.COLOR_RED, blob: b(1) }),
  new Required({ name: "x", count: 1, item: new Item(), list: [""], map: { "": "" }, color: 9 as Color, never: "", blob: b() }),
  new Ignored(),
  new Ignored({ always: "x", ifZero: 5, optional: "", item: new Item() }),
  new Ignored({ ifZero: 11, optional: "123456" }),
  // oneofs
  new Oneofs(),
  new Oneofs({ choice: { case: "text", value: "" }, free: { case: "flag", value: false } }),
  new Oneofs({ choice: { case: "number", value: 0 }, free: { case: "other", value: "abc" } }),
  new Oneofs({ choice: { case: "item", value: new Item({ qty: -5 }) } }),
  new MessageOneof(),
  new MessageOneof({ a: "ab", b: 1 }),
  new MessageOneof({ a: "abcd", c: ["x"], d: new Item() }),
  new MessageOneof({ b: 2, d: new Item({ name: "x" }) }),
  // nesting and recursion
  new Tree({ label: "toolong", children: [new Tree({ label: "abcde" }), new Tree({ children: [new Tree({ label: "deeper!" })] })], left: new Tree({ left: new Tree({ label: "12345" }) }), named: { k: new Tree({ label: "xxxxxx" }) } }),
  new Tree({ children: [new Tree(), new Tree(), new Tree(), new Tree()] }),
  new Outer({ item: new Item(), middle: new Outer_Middle({ items: [new Item({ name: "ok" }), new Item({ qty: -1 })], inner: new Outer_Inner({ items: { a: new Item(), "": new Item({ name: "y" }) }, id: "nope" }) }) }),
  new NoRules({ name: "", child: undefined }),
  // well-known types
  new Times(),
  new Times({ dRange: dur(1n), dConst: dur(5n), dIn: dur(1n), dExclusive: dur(0n), dLt: dur(-1n, -250000000), tRange: ts(-1n), tGt: ts(1234567890n, 500000000), tConst: ts(86400n), dRequired: dur(0n) }),
  new Times({ dRange: dur(60n, 500000001), dConst: dur(5n, 1), dIn: dur(0n, 1000), dExclusive: dur(-10n), dLt: dur(-2n), tRange: ts(4102444800n), tGt: ts(1234567890n, 500000001), tConst: ts(86399n) }),
  new Times({ dRange: dur(60n, 500000000), dIn: dur(2n), dExclusive: dur(10n), dLt: dur(-1n, -249999999), tRange: ts(0n), tExclusive: ts(75n) }),
  new Times({ tLtNow: ts(nowSec() + 1000n), tGtNow: ts(nowSec() - 1000n), tWithin: ts(nowSec() - 7200n), tExclusive: ts(100n) }),
  new Times({ tLtNow: ts(nowSec() - 1000n), tGtNow: ts(nowSec() + 1000n), tWithin: ts(nowSec() + 60n), tExclusive: ts(101n) }),
  new Anys({ in: new Any({ typeUrl: "type.googleapis.com/google.protobuf.Duration" }), notIn: new Any({ typeUrl: "type.googleapis.com/google.protobuf.Duration" }) }),
  new Anys({ in: new Any({ typeUrl: "x" }), notIn: new Any({ typeUrl: "type.googleapis.com/google.protobuf.Timestamp" }) }),
  new Masks({ const: new FieldMask({ paths: ["a", "b.c"] }), in: new FieldMask({ paths: ["a", "b.x", "a.y"] }), notIn: new FieldMask({ paths: ["public", "secrets"] }) }),
  new Masks({ const: new FieldMask({ paths: ["b.c", "a"] }), in: new FieldMask({ paths: ["ab", "c"] }), notIn: new FieldMask({ paths: ["secret.key"] }) }),
  new Wrappers(),
  new Wrappers({ name: "a", count: 0, big: 0n, ubig: 3n, ratio: 1.5, f: NaN, flag: false, blob: b(1, 2, 3), u: 10, names: [], counts: {}, required: "" }),
  new Wrappers({ name: "ab", count: 1, big: -1n, ubig: 1n, ratio: 0, f: 1, flag: true, blob: b(), u: 9, required: "x" }),
  // bad rules (generated with bad_rules=validator): a compilation error for that message only
  new WrongType({ count: 1 }),
  new RuleOnMessage({ fine: new Fine() }),
  new OneofUnknownField(),
  new OneofEmpty({ a: "x" }),
  new HoldsBad(),
  new HoldsBad({ bad: new WrongType() }),
  new Fine({ name: "toolong" }),
  // custom CEL rules
  new Booking(),
  new Booking({ start: ts(100n), end: ts(50n), rooms: 3, guests: ["a@b.c", "nope", "a@b.c"], fees: { fee_x: 5n, other: -1n, fee_big: 1000000n }, contact: "1.2.3.4", ratio: NaN, tag: b(1, 2, 3, 4, 5) }),
  new Booking({ start: ts(946684800n), end: ts(946684801n), rooms: 2, guests: ["x@y.z"], contact: "-bad-", ratio: Infinity, room: new Room({ beds: 5 }) }),
  new Booking({ rooms: 0, guests: ["a@b.c"], room: new Room({ name: "suite 1", beds: 9 }), contact: "example.com" }),
  new Booking({ rooms: 200 }),
  new WrongResult(),
  new WrongResult({ floor: 3 }),
];
