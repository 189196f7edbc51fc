import fc from "fast-check";
import { JsonDecodeError, JsonEncodeError, Value, type AnyMessage, type MessageType } from "@tsgrpc/runtime";
import { Maps, Ping, Tree, L1 } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Wide } from "../../../testdata/gen/hostile/v1/wide_pb.js";
import { Wrapped } from "../../../testdata/gen/scalars/v1/wrapped_pb.js";
import { arbitraryMessage } from "./arbitrary";
import { HANG_MS, runs, seed, timed } from "./budget";
import { expectPrototypeUntouched } from "./pollution";
import { mutatedText } from "./mutate";

const types: MessageType<AnyMessage>[] = [Tree, Maps, Ping, L1, Wide, Value, Wrapped];

/** Parsing either gives a message whose JSON reads back equal, or throws JsonDecodeError: nothing else. */
function parseOrTypedError(type: MessageType<AnyMessage>, read: () => AnyMessage, input: unknown, failures: string[]): void {
  try {
    const msg = read();
    if (!type.fromJson(msg.toJson()).equals(msg)) failures.push(`${type.typeName} changed on re-read: ${JSON.stringify(input)}`);
  } catch (e) {
    if (!(e instanceof JsonDecodeError)) failures.push(`${type.typeName} threw ${String(e)} for ${JSON.stringify(input)}`);
  }
}

/** JSON objects whose keys are mostly the type's own JSON names, so values reach the field readers. */
function jsonFor(type: MessageType<AnyMessage>): fc.Arbitrary<unknown> {
  const keys = type.$fields.list.flatMap((f) => [f.jsonName, f.name]);
  const key = fc.oneof(fc.constantFrom(...keys, "__proto__", "constructor", "@type"), fc.string());
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom("NaN", "-Infinity", "1e400", "-0", "9223372036854775808", "18446744073709551616", "0x10", " 1", "AAAA", "A==="),
      tie("object"),
    ),
    object: fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  })).object;
}

/** The message's JSON text; undefined for the ones JSON cannot hold (a `Value` with no kind set). */
function jsonText(msg: AnyMessage): string | undefined {
  try {
    return msg.toJsonString();
  } catch (e) {
    if (e instanceof JsonEncodeError) return undefined;
    throw e;
  }
}

describe("random and mutated JSON into fromJson and fromJsonString", () => {
  expectPrototypeUntouched();

  test.each(types.map((t) => [t.typeName, t] as const))("%s: random JSON values shaped like the message", (name, type) => {
    const inputs = fc.sample(jsonFor(type), { seed, numRuns: runs(1500) });
    const failures: string[] = [];
    const { perInputMaxMs } = timed(`json random ${name}`, inputs, (json) => parseOrTypedError(type, () => type.fromJson(json as never), json, failures));
    expect(failures).toEqual([]);
    expect(perInputMaxMs).toBeLessThan(HANG_MS);
  });

  test.each(types.map((t) => [t.typeName, t] as const))("%s: mutated JSON text", (name, type) => {
    const corpus = fc.sample(
      arbitraryMessage(type)
        .map(jsonText)
        .filter((t) => t !== undefined),
      { seed, numRuns: type.typeName === Wide.typeName ? 5 : 40 },
    );
    const inputs = fc.sample(mutatedText(corpus), { seed, numRuns: runs(type.typeName === Wide.typeName ? 200 : 1500) });
    const failures: string[] = [];
    const { perInputMaxMs } = timed(`json mutated ${name}`, inputs, (text) => parseOrTypedError(type, () => type.fromJsonString(text), text, failures));
    expect(failures).toEqual([]);
    expect(perInputMaxMs).toBeLessThan(HANG_MS);
  });
});

describe("hostile JSON gives a typed error at once, never a stack overflow", () => {
  const depth = 100_000;

  test("text nested 100 000 levels deep", () => {
    expect(() => Tree.fromJsonString('{"left":'.repeat(depth) + "{}" + "}".repeat(depth))).toThrow(JsonDecodeError);
    expect(() => Value.fromJsonString("[".repeat(depth) + "]".repeat(depth))).toThrow(JsonDecodeError);
    expect(() => Tree.fromJsonString("[".repeat(depth))).toThrow(JsonDecodeError);
  });

  test("an object value nested 100 000 levels deep", () => {
    let json: Record<string, unknown> = {};
    for (let i = 0; i < depth; i++) json = { left: json };
    expect(() => Tree.fromJson(json as never)).toThrow(JsonDecodeError);
    let list: unknown[] = [];
    for (let i = 0; i < depth; i++) list = [list];
    expect(() => Value.fromJson(list as never)).toThrow(JsonDecodeError);
  });

  test("a number JSON cannot hold (1e400 parses to Infinity) is refused where a Value would keep it", () => {
    for (const text of ["1e400", "[-1e400]", '{"a":1e400}']) expect(() => Value.fromJsonString(text)).toThrow(JsonDecodeError);
    expect(() => Value.fromJson(NaN)).toThrow(JsonDecodeError);
  });

  test("`__proto__` keys: a message key is unknown, a map key is an ordinary key", () => {
    expect(() => Tree.fromJsonString('{"__proto__":{"polluted":1}}')).toThrow(JsonDecodeError);
    const m = Maps.fromJsonString('{"stringString":{"__proto__":"p"},"stringId":{"constructor":{"value":"c"}}}');
    expect(Object.keys(m.stringString)).toEqual(["__proto__"]);
    expect(m.stringId["constructor"]?.value).toBe("c");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
