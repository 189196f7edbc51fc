import fc from "fast-check";
import { BinaryDecodeError, BinaryWriter, type AnyMessage, type MessageType } from "@tsgrpc/runtime";
import { Maps, Ping, Tree, L1 } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Wide } from "../../../testdata/gen/hostile/v1/wide_pb.js";
import { Wrapped } from "../../../testdata/gen/scalars/v1/wrapped_pb.js";
import { arbitraryMessage } from "./arbitrary";
import { HANG_MS, runs, seed, timed } from "./budget";
import { expectPrototypeUntouched } from "./pollution";
import { mutatedBytes } from "./mutate";
import { inheritsNothing } from "../inherits-nothing.js";

const types: MessageType<AnyMessage>[] = [Tree, Maps, Ping, L1, Wide, Wrapped];

/** A decode either gives a message that survives its own round trip, or throws BinaryDecodeError: nothing else. */
function decodeOrTypedError(type: MessageType<AnyMessage>, bytes: Uint8Array, failures: string[]): void {
  try {
    const msg = type.fromBinary(bytes);
    if (!type.fromBinary(msg.toBinary()).equals(msg)) failures.push(`${type.typeName} changed on re-encode: ${Buffer.from(bytes).toString("hex")}`);
  } catch (e) {
    if (!(e instanceof BinaryDecodeError)) failures.push(`${type.typeName} threw ${String(e)} for ${Buffer.from(bytes).toString("hex")}`);
  }
}

describe("random and mutated bytes into fromBinary of deep, recursive and map-heavy messages", () => {
  expectPrototypeUntouched();

  test.each(types.map((t) => [t.typeName, t] as const))("%s: random bytes", (name, type) => {
    const inputs = fc.sample(fc.uint8Array({ maxLength: 64 }), { seed, numRuns: runs(2000) });
    const failures: string[] = [];
    const { perInputMaxMs } = timed(`binary random ${name}`, inputs, (b) => decodeOrTypedError(type, b, failures));
    expect(failures).toEqual([]);
    expect(perInputMaxMs).toBeLessThan(HANG_MS);
  });

  test.each(types.map((t) => [t.typeName, t] as const))("%s: mutated valid encodings", (name, type) => {
    const corpus = fc.sample(arbitraryMessage(type), { seed, numRuns: type.typeName === Wide.typeName ? 10 : 60 }).map((m) => m.toBinary());
    const inputs = fc.sample(mutatedBytes(corpus.filter((b) => b.length > 0)), { seed, numRuns: runs(type.typeName === Wide.typeName ? 300 : 1500) });
    const failures: string[] = [];
    let decoded = 0;
    const { perInputMaxMs } = timed(`binary mutated ${name}`, inputs, (b) => {
      const count = failures.length;
      decodeOrTypedError(type, b, failures);
      if (failures.length === count) decoded++;
    });
    expect(failures).toEqual([]);
    expect(perInputMaxMs).toBeLessThan(HANG_MS);
    // Mutations must exercise both outcomes, or they are not reaching the decoder.
    expect(decoded).toBeGreaterThan(0);
  });
});

/** `depth` levels of length-delimited field 2 (`Tree.left`), innermost first. */
function nestedLeft(depth: number): Uint8Array {
  const parts: number[][] = [];
  let length = 0;
  for (let i = 0; i < depth; i++) {
    const prefix = [0x12, ...varint(length)];
    parts.push(prefix);
    length += prefix.length;
  }
  return new Uint8Array(parts.reverse().flat());
}

const varint = (n: number): number[] => Array.from(new BinaryWriter().uint32(n).finish());

describe("hostile shapes give a typed error at once, never a stack overflow or a big allocation", () => {
  test("recursion 100 000 levels deep stops at the depth limit", () => {
    expect(() => Tree.fromBinary(nestedLeft(100_000))).toThrow(BinaryDecodeError);
    expect(Tree.fromBinary(nestedLeft(100)).left).toBeDefined();
    expect(() => Tree.fromBinary(nestedLeft(101))).toThrow(/depth/);
  });

  test("unknown groups nested 100 000 deep stop at the depth limit", () => {
    // START_GROUP of unknown field 15, over and over, then nothing.
    expect(() => Tree.fromBinary(new Uint8Array(100_000).fill(0x7b))).toThrow(BinaryDecodeError);
  });

  test("a length claiming 4 GiB is refused by comparing it with what is left, before anything is allocated", () => {
    const claim = new Uint8Array([0x3a, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
    expect(() => Tree.fromBinary(claim)).toThrow(new BinaryDecodeError("length 4294967295 exceeds the 3 remaining bytes", 1));
  });

  test("a million-entry packed field decodes (a hang guard, not a speed test: speed is the bench's)", () => {
    // Wide.f19 is `repeated int32` (field 19): a packed run of one-byte varints.
    const n = 1_000_000;
    const bytes = new Uint8Array([0x9a, 0x01, ...varint(n), ...new Uint8Array(n).fill(1)]);
    expect(Wide.fromBinary(bytes).f19).toHaveLength(n);
  }, 30_000);

  test("`__proto__` and `constructor` map keys stay ordinary keys", () => {
    const m = Maps.fromBinary(new Maps({ stringString: JSON.parse('{"__proto__":"p","constructor":"c"}') as Record<string, string> }).toBinary());
    expect(inheritsNothing(m.stringString)).toBe(true);
    expect(Object.keys(m.stringString).sort()).toEqual(["__proto__", "constructor"]);
    expect(m.stringString["__proto__"]).toBe("p");
  });
});
