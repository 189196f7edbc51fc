import { createRegistry } from "../src/registry";
import { Any } from "../src/gen/google/protobuf/any_pb";
import { Duration } from "../src/gen/google/protobuf/duration_pb";
import { SourceContext } from "../src/gen/google/protobuf/source_context_pb";
import { ListValue, Struct, Value } from "../src/gen/google/protobuf/struct_pb";
import { Timestamp } from "../src/gen/google/protobuf/timestamp_pb";

describe("Timestamp helpers", () => {
  test("fromDate and toDate convert at millisecond precision, before 1970 too", () => {
    const ts = Timestamp.fromDate(new Date("1969-12-31T23:59:59.250Z"));
    expect(ts).toEqual(new Timestamp({ seconds: -1n, nanos: 250_000_000 }));
    expect(ts.toDate().toISOString()).toBe("1969-12-31T23:59:59.250Z");
    expect(new Timestamp({ seconds: 1n, nanos: 999_999 }).toDate().getTime()).toBe(1000);
  });

  test("now is the current time", () => {
    const before = Date.now();
    const now = Timestamp.now().toDate().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  test("an invalid Date is a RangeError", () => {
    expect(() => Timestamp.fromDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("Duration helpers", () => {
  test("fromMs and toMs convert milliseconds, keeping the sign on both parts", () => {
    expect(Duration.fromMs(1500)).toEqual(new Duration({ seconds: 1n, nanos: 500_000_000 }));
    expect(Duration.fromMs(-1500)).toEqual(new Duration({ seconds: -1n, nanos: -500_000_000 }));
    expect(Duration.fromMs(0.000001)).toEqual(new Duration({ seconds: 0n, nanos: 1 }));
    expect(new Duration({ seconds: -2n, nanos: -250_000_000 }).toMs()).toBe(-2250);
    expect(Duration.fromMs(1500).toJson()).toBe("1.500s");
  });

  test("a non-finite number is a RangeError", () => {
    expect(() => Duration.fromMs(NaN)).toThrow(RangeError);
    expect(() => Duration.fromMs(Infinity)).toThrow(RangeError);
  });
});

describe("Struct, Value and ListValue helpers", () => {
  test("convert to and from plain JSON", () => {
    const obj = { name: "x", tags: ["a", 1, null], nested: { ok: true } };
    const s = Struct.fromJsonObject(obj);
    expect(s.fields["nested"].kind.case).toBe("structValue");
    expect(s.toJsonObject()).toEqual(obj);
    expect(Value.fromJsonValue("s").toJsonValue()).toBe("s");
    expect(ListValue.fromJsonArray([1, "2"]).toJsonArray()).toEqual([1, "2"]);
  });
});

describe("Any helpers", () => {
  const ctx = new SourceContext({ fileName: "a.proto" });

  test("pack stores the binary form under type.googleapis.com/<typeName>", () => {
    const any = Any.pack(ctx);
    expect(any.typeUrl).toBe("type.googleapis.com/google.protobuf.SourceContext");
    expect(any.value).toEqual(ctx.toBinary());
    expect(Any.pack(ctx, "example.com/types").typeUrl).toBe("example.com/types/google.protobuf.SourceContext");
  });

  test("is checks the packed type by class or by name", () => {
    const any = Any.pack(ctx);
    expect(any.is(SourceContext)).toBe(true);
    expect(any.is("google.protobuf.SourceContext")).toBe(true);
    expect(any.is(Duration)).toBe(false);
    expect(new Any().is(SourceContext)).toBe(false);
  });

  test("unpack with a class gives the message, or undefined for another type", () => {
    const any = Any.pack(ctx);
    const back = any.unpack(SourceContext);
    expect(back).toBeInstanceOf(SourceContext);
    expect(back?.fileName).toBe("a.proto");
    expect(any.unpack(Duration)).toBeUndefined();
  });

  test("unpack with a registry resolves the type by name", () => {
    const any = Any.pack(ctx);
    expect(any.unpack(createRegistry(SourceContext))?.equals(ctx)).toBe(true);
    expect(any.unpack(createRegistry(Duration))).toBeUndefined();
  });
});
