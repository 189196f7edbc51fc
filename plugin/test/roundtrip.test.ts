import { BinaryDecodeError, BinaryWriter, Timestamp, unknownFields } from "@tsgrpc/runtime";
import { User, Status, User_Preference, User_Preference_Level } from "../../testdata/gen/users/v1/user_service_pb.js";
import { Address, Priority } from "../../testdata/gen/common/v1/common_pb.js";
import { MapKeys, RepeatedScalars, Scalars } from "../../testdata/gen/scalars/v1/scalars_pb.js";
import { Color, Legacy, Legacy_Entry, Legacy_Item, Shade } from "../../testdata/gen/legacy/v1/legacy_pb.js";
import { ClosedKind, Features, Features_Child } from "../../testdata/gen/editions/v1/features_pb.js";
import { Edition2024, Edition2024_Kind } from "../../testdata/gen/editions/v1/edition2024_pb.js";
import { Date$, Hostile, Object$, UsesHostile } from "../../testdata/gen/collide/v1/names_pb.js";
import { inheritsNothing } from "../../runtime/test/inherits-nothing.js";

/** Raw protobuf bytes, written field by field. */
function bytes(write: (w: BinaryWriter) => void): Uint8Array {
  const w = new BinaryWriter();
  write(w);
  return w.finish();
}

function fullUser(): User {
  return new User({
    id: "u1",
    displayName: "Ada",
    age: 36,
    createdAtMs: -5n,
    verified: true,
    roles: ["admin", "dev"],
    nickname: "",
    address: { street: "1 Main", city: "X" },
    labels: { a: "1", b: "" },
    contact: { case: "postal", value: { city: "Y" } },
    status: Status.STATUS_ACTIVE,
    avatar: new Uint8Array([1, 2, 3]),
    score: -0,
    luckyNumbers: [1, -1, 1 << 30],
    history: [Status.STATUS_SUSPENDED, 99 as Status],
    addressesById: { "-7": { city: "neg" }, "9007199254740993": new Address({ city: "big" }) },
    updatedAt: new Timestamp({ seconds: 10n, nanos: 5 }),
    priority: Priority.PRIORITY_HIGH,
    bigAsString: "-123",
    friends: [{ id: "f" }],
    statuses: { x: Status.STATUS_SUSPENDED },
    ratio: NaN,
    optionalStatus: Status.STATUS_UNSPECIFIED,
    middleName: "",
    preferences: [new User_Preference({ key: "k", level: User_Preference_Level.LEVEL_ON })],
  });
}

describe("generated binary codec", () => {
  it("round-trips every field kind, and re-encodes to the same bytes", () => {
    const user = fullUser();
    const encoded = user.toBinary();
    const back = User.fromBinary(encoded);
    expect(back.equals(user)).toBe(true);
    expect(back.contact).toEqual({ case: "postal", value: new Address({ city: "Y" }) });
    expect(back.history).toEqual([Status.STATUS_SUSPENDED, 99]); // open enums keep unknown numbers
    expect(back.nickname).toBe(""); // explicit presence: set to the zero value is still set
    expect(back.optionalStatus).toBe(Status.STATUS_UNSPECIFIED);
    expect(back.middleName).toBe(""); // a wrapper field set to "" is an empty StringValue, still set
    expect(Object.is(back.score, -0)).toBe(true);
    expect(Number.isNaN(back.ratio)).toBe(true);
    expect(Object.keys(back.addressesById).sort()).toEqual(["-7", "9007199254740993"]);
    expect(back.toBinary()).toEqual(encoded);
  });

  it("writes nothing for fields at their zero value with implicit presence", () => {
    expect(new User().toBinary()).toEqual(new Uint8Array(0));
    expect(new Scalars().toBinary()).toEqual(new Uint8Array(0));
    expect(new User({ nickname: "" }).toBinary()).toEqual(new Uint8Array([58, 0]));
  });

  it("round-trips every scalar type at its extremes", () => {
    const s = new Scalars({
      fDouble: -1.5e300,
      fFloat: 3.4028234663852886e38,
      fInt64: -(2n ** 63n),
      fUint64: 2n ** 64n - 1n,
      fInt32: -(2 ** 31),
      fFixed64: 2n ** 64n - 1n,
      fFixed32: 2 ** 32 - 1,
      fBool: true,
      fString: "héllo 🌍",
      fBytes: new Uint8Array([0, 255]),
      fUint32: 2 ** 32 - 1,
      fSfixed32: -(2 ** 31),
      fSfixed64: -(2n ** 63n),
      fSint32: -(2 ** 31),
      fSint64: -(2n ** 63n),
    });
    expect(Scalars.fromBinary(s.toBinary())).toEqual(s);
  });

  it("keeps unknown fields byte for byte, in order, after the known ones", () => {
    const known = new Address({ street: "s", city: "c" }).toBinary();
    const unknown = bytes((w) => {
      w.uint32((100 << 3) | 0).uint64(2n ** 64n - 1n); // varint
      w.uint32((101 << 3) | 1).fixed64(7n); // 64-bit
      w.uint32((102 << 3) | 2).bytes(new Uint8Array([1, 2, 3])); // length-delimited
      w.uint32((103 << 3) | 3)
        .uint32((1 << 3) | 0)
        .uint32(5)
        .uint32((103 << 3) | 4); // group
      w.uint32((104 << 3) | 5).fixed32(9); // 32-bit
    });
    const input = new Uint8Array([...known, ...unknown]);
    const msg = Address.fromBinary(input);
    expect(msg.city).toBe("c");
    expect(msg[unknownFields]?.length).toBe(5);
    expect(msg.toBinary()).toEqual(input);
    expect(msg.clone().toBinary()).toEqual(input);
    expect(msg.toBinary({ writeUnknownFields: false })).toEqual(known);
    expect(Address.fromBinary(input, { readUnknownFields: false })[unknownFields]).toBeUndefined();
  });

  it("decodes packed and unpacked repeated fields whatever the declaration, and encodes as declared", () => {
    const unpacked = bytes((w) =>
      w
        .uint32((5 << 3) | 0)
        .int32(1)
        .uint32((5 << 3) | 0)
        .int32(-2),
    );
    const packed = bytes((w) => {
      w.uint32((19 << 3) | 2);
      const m = w.fork();
      w.int32(3).int32(4);
      w.join(m);
    });
    const msg = RepeatedScalars.fromBinary(new Uint8Array([...unpacked, ...packed, ...unpacked]));
    expect(msg.fInt32).toEqual([1, -2, 1, -2]);
    expect(msg.fUnpackedInt32).toEqual([3, 4]);
    const out = new RepeatedScalars({ fInt32: [1, 2], fUnpackedInt32: [1, 2] }).toBinary();
    expect(Array.from(out)).toEqual([42, 2, 1, 2, 152, 1, 1, 152, 1, 2]); // tag 19:VARINT is the two-byte varint 152 1
  });

  it("round-trips repeated values of every scalar type", () => {
    const msg = new RepeatedScalars({
      fDouble: [NaN, -0, Infinity],
      fFloat: [1.5],
      fInt64: [-1n, 2n ** 62n],
      fUint64: [0n, 2n ** 64n - 1n],
      fFixed64: [1n],
      fSfixed64: [-1n],
      fSint64: [-(2n ** 63n)],
      fBool: [true, false],
      fString: ["", "x"],
      fBytes: [new Uint8Array(0), new Uint8Array([1])],
      fUint32: [2 ** 32 - 1],
      fFixed32: [0],
      fSfixed32: [-1],
      fSint32: [-1],
    });
    const back = RepeatedScalars.fromBinary(msg.toBinary());
    expect(back.equals(msg)).toBe(true);
    expect(Object.is(back.fDouble[1], -0)).toBe(true);
  });

  it("stores map keys of every type in their string form", () => {
    const msg = new MapKeys({
      kInt64: { "-5": "a" },
      kUint64: { "18446744073709551615": "b" },
      kInt32: { "-2147483648": "c" },
      kFixed64: { "1": "d" },
      kFixed32: { "4294967295": "e" },
      kBool: { true: "f", false: "g" },
      kString: { "": "h" },
      kUint32: { "7": "i" },
      kSfixed32: { "-1": "j" },
      kSfixed64: { "-9223372036854775808": "k" },
      kSint32: { "-3": "l" },
      kSint64: { "-4": "m" },
    });
    const back = MapKeys.fromBinary(msg.toBinary());
    expect(back.equals(msg)).toBe(true);
    expect(back.kBool).toEqual(Object.assign(Object.create(null), { true: "f", false: "g" }));
    expect(back.kSfixed64["-9223372036854775808"]).toBe("k");
  });

  it("treats hostile map keys as ordinary entries", () => {
    const labels = JSON.parse('{"__proto__": "p", "constructor": "c", "hasOwnProperty": "h"}') as { [k: string]: string };
    const user = new User({ labels });
    const back = User.fromBinary(user.toBinary());
    expect(inheritsNothing(back.labels)).toBe(true);
    expect(Object.keys(back.labels).sort()).toEqual(["__proto__", "constructor", "hasOwnProperty"]);
    expect(back.labels["__proto__"]).toBe("p");
    expect(({} as { p?: unknown }).p).toBeUndefined();
    expect(back.clone().equals(back)).toBe(true);
  });

  it("merges a singular message field that occurs twice, and a oneof message", () => {
    const a = new User({ address: { street: "s" }, contact: { case: "postal", value: { street: "x" } } }).toBinary();
    const b = new User({ address: { city: "c" }, contact: { case: "postal", value: { city: "y" } } }).toBinary();
    const merged = User.fromBinary(new Uint8Array([...a, ...b]));
    expect(merged.address).toEqual(new Address({ street: "s", city: "c" }));
    expect(merged.contact).toEqual({ case: "postal", value: new Address({ street: "x", city: "y" }) });
  });

  it("lets the last oneof member on the wire win", () => {
    const email = new User({ contact: { case: "email", value: "e" } }).toBinary();
    const phone = new User({ contact: { case: "phone", value: "p" } }).toBinary();
    expect(User.fromBinary(new Uint8Array([...email, ...phone])).contact).toEqual({ case: "phone", value: "p" });
  });

  it("stops at the nesting limit with a typed error", () => {
    let user = new User();
    for (let i = 0; i < 120; i++) user = new User({ friends: [user] });
    const encoded = user.toBinary();
    expect(() => User.fromBinary(encoded)).toThrow(BinaryDecodeError);
    expect(User.fromBinary(encoded, { maxDepth: 200 }).equals(user)).toBe(true);
  });

  it("rejects a sub-message that overruns its length", () => {
    // address (field 8) declares 2 bytes, but its field 1 claims 5.
    expect(() => User.fromBinary(new Uint8Array([66, 2, 10, 5]))).toThrow(BinaryDecodeError);
  });

  it("escapes colliding names and keeps them working", () => {
    const o = new Object$({ constructor$: "c", Proto: "p", toString$: "t", toJson$: "j", class: "k", toBinary$: { case: "new", value: 5 } });
    const back = Object$.fromBinary(o.toBinary());
    expect(back.constructor$).toBe("c");
    expect(back.Proto).toBe("p");
    expect(back.toBinary$).toEqual({ case: "new", value: 5 });
    expect(back.constructor).toBe(Object$);
    expect(typeof back.toString).toBe("function");
    expect(new Date$({ seconds: 1n }).clone().seconds).toBe(1n);
    const h = UsesHostile.fromBinary(
      new UsesHostile({ hostile: Hostile.__proto__$, objects: JSON.parse('{"__proto__": {}}') as Record<string, object> }).toBinary(),
    );
    expect(h.hostile).toBe(1);
    expect(h.objects["__proto__"]).toBeInstanceOf(Object$);
  });
});

describe("proto2", () => {
  const legacy = () =>
    new Legacy({
      name: "n",
      count: 0,
      color: Color.COLOR_BLUE,
      unpacked: [1, 2],
      packed: [3, 4],
      colors: [Color.COLOR_RED],
      item: new Legacy_Item({ id: 1, label: "l" }),
      entry: [new Legacy_Entry({ key: "a" }), new Legacy_Entry({ key: "b" })],
      child: { name: "child" },
      shadeById: { "1": Shade.SHADE_DARK },
      choice: { case: "choiceColor", value: Color.COLOR_GREEN },
    });

  it("round-trips required, optional, groups and oneofs", () => {
    const msg = legacy();
    const back = Legacy.fromBinary(msg.toBinary());
    expect(back.equals(msg)).toBe(true);
    expect(back.count).toBe(0);
    expect(back.greeting).toBeUndefined();
  });

  it("writes groups with START_GROUP / END_GROUP tags", () => {
    const encoded = new Legacy({ item: { id: 1 } }).toBinary();
    expect(Array.from(encoded)).toEqual([(14 << 3) | 3, (15 << 3) | 0, 1, (14 << 3) | 4]);
  });

  it("rejects an unterminated group", () => {
    expect(() => Legacy.fromBinary(new Uint8Array([(14 << 3) | 3, (15 << 3) | 0, 1]))).toThrow(BinaryDecodeError);
  });

  it("writes repeated fields unpacked unless declared packed", () => {
    const encoded = new Legacy({ unpacked: [1, 2], packed: [3, 4] }).toBinary();
    expect(Array.from(encoded)).toEqual([88, 1, 88, 2, 98, 2, 3, 4]);
  });

  it("exposes [default = ...] values in the field table", () => {
    const defaults = Object.fromEntries(
      Legacy.$fields.list.filter((f) => f.kind !== "map" && f.default !== undefined).map((f) => [f.localName, (f as { default?: unknown }).default]),
    );
    expect(defaults).toEqual({
      count: 42,
      greeting: 'hello "world"\n',
      color: Color.COLOR_GREEN,
      ratio: -Infinity,
      nanValue: NaN,
      big: -9007199254740993n,
      ubig: 18446744073709551615n,
      blob: new Uint8Array([1, 2, 120, 121, 122]),
      flag: true,
      bigFloat: Math.fround(9e9),
    });
  });

  it("keeps extensions as unknown fields and writes them back", () => {
    const ext = bytes((w) =>
      w
        .uint32((100 << 3) | 0)
        .int32(7)
        .uint32((101 << 3) | 2)
        .string("tag"),
    );
    const input = new Uint8Array([...new Legacy({ name: "n" }).toBinary(), ...ext]);
    expect(Legacy.fromBinary(input).toBinary()).toEqual(input);
  });

  it("sends unknown closed-enum numbers to the unknown fields", () => {
    const input = bytes((w) => {
      w.uint32((4 << 3) | 0).int32(9); // color = 9 (not a Color)
      w.uint32((13 << 3) | 2);
      const m = w.fork();
      w.int32(1).int32(8).int32(3); // colors = [RED, 8, BLUE], packed
      w.join(m);
    });
    const msg = Legacy.fromBinary(input);
    expect(msg.color).toBeUndefined();
    expect(msg.colors).toEqual([Color.COLOR_RED, Color.COLOR_BLUE]);
    expect(msg[unknownFields]?.length).toBe(2);
    const again = Legacy.fromBinary(msg.toBinary());
    expect(again.colors).toEqual([Color.COLOR_RED, Color.COLOR_BLUE]);
    expect(again[unknownFields]).toEqual(msg[unknownFields]);
  });

  it("keeps a map entry with an unknown closed-enum value whole", () => {
    const entry = bytes((w) =>
      w
        .uint32((1 << 3) | 0)
        .int32(5)
        .uint32((2 << 3) | 0)
        .int32(77),
    );
    const input = bytes((w) => w.uint32((20 << 3) | 2).bytes(entry));
    const msg = Legacy.fromBinary(input);
    expect(Object.keys(msg.shadeById)).toEqual([]);
    expect(msg.toBinary()).toEqual(input);
  });

  it("decodes strings without UTF-8 validation", () => {
    const input = bytes((w) => w.uint32((21 << 3) | 2).bytes(new Uint8Array([0xff, 0xfe])));
    expect(Legacy.fromBinary(input).rawText).toBe("\ufffd\ufffd");
  });
});

describe("editions 2023", () => {
  it("follows field_presence", () => {
    expect(Array.from(new Features({ explicitNumber: 0, implicitNumber: 0 }).toBinary())).toEqual([8, 0]);
    expect(new Features().explicitNumber).toBeUndefined();
    expect(new Features().implicitNumber).toBe(0);
  });

  it("packs repeated fields by default and expands them on request", () => {
    const encoded = new Features({ packedNumbers: [1, 2], expandedNumbers: [1, 2] }).toBinary();
    expect(Array.from(encoded)).toEqual([34, 2, 1, 2, 40, 1, 40, 2]);
  });

  it("validates UTF-8 only where utf8_validation says so", () => {
    const bad = new Uint8Array([0xc3, 0x28]);
    expect(() => Features.fromBinary(bytes((w) => w.uint32((6 << 3) | 2).bytes(bad)))).toThrow(BinaryDecodeError);
    expect(Features.fromBinary(bytes((w) => w.uint32((7 << 3) | 2).bytes(bad))).uncheckedText).toBe("\ufffd(");
  });

  it("writes DELIMITED message fields as groups", () => {
    const msg = new Features({ delimitedChild: { name: "a" }, delimitedChildren: [{ name: "b" }], child: { name: "c" } });
    const encoded = msg.toBinary();
    expect(encoded[0]).toBe((11 << 3) | 3);
    const back = Features.fromBinary(encoded);
    expect(back.equals(msg)).toBe(true);
    expect(back.delimitedChildren[0]).toBeInstanceOf(Features_Child);
  });

  it("treats CLOSED enums as closed", () => {
    const msg = Features.fromBinary(bytes((w) => w.uint32((9 << 3) | 0).int32(42)));
    expect(msg.closedKind).toBeUndefined();
    expect(Features.fromBinary(new Features({ closedKind: ClosedKind.CLOSED_KIND_B }).toBinary()).closedKind).toBe(ClosedKind.CLOSED_KIND_B);
    expect(msg.toBinary()).toEqual(bytes((w) => w.uint32((9 << 3) | 0).int32(42)));
  });
});

describe("editions 2024", () => {
  it("round-trips with explicit presence by default and implicit where asked", () => {
    const msg = new Edition2024({ number: 0, numbers: [1, 2], text: "", kind: Edition2024_Kind.KIND_UNSPECIFIED });
    expect(Array.from(msg.toBinary())).toEqual([8, 0, 18, 2, 1, 2, 32, 0]);
    expect(Edition2024.fromBinary(msg.toBinary()).equals(msg)).toBe(true);
  });
});
