import { CodecError } from "../src/errors";
import { createRegistry } from "../src/registry";
import { Any } from "../src/gen/google/protobuf/any_pb";
import { Duration } from "../src/gen/google/protobuf/duration_pb";
import { FieldMask } from "../src/gen/google/protobuf/field_mask_pb";
import { Struct, Value } from "../src/gen/google/protobuf/struct_pb";
import { Timestamp } from "../src/gen/google/protobuf/timestamp_pb";
import { Int64Value } from "../src/gen/google/protobuf/wrappers_pb";
import { SourceContext } from "../src/gen/google/protobuf/source_context_pb";
import { Sample } from "./json-fixtures";

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '"',
  "\\",
  "{",
  "}",
  "[",
  "]",
  ",",
  ":",
  "null",
  "1e999",
  "-0",
  "\\uD800",
  "\\u0000",
  '"__proto__"',
  '"constructor"',
  "9".repeat(30),
  "NaN",
  "true",
];

function mutate(text: string, random: () => number): string {
  let s = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (s.length + 1));
    const op = random();
    if (op < 0.4) s = s.slice(0, at) + s.slice(at + 1);
    else if (op < 0.8) s = s.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + s.slice(at);
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(random() * 128)) + s.slice(at + 1);
  }
  return s;
}

const registry = createRegistry(SourceContext, Any, Duration, Struct);
const seeds: [{ fromJsonString(s: string, o?: object): unknown }, string][] = [
  [
    Sample,
    '{"int32V":1,"int64V":"-5","floatV":"NaN","bytesV":"AQI=","color":"BLUE","closed":"TWO","child":{"name":"a","child":{}},"ints":[1,2],"byName":{"a":1},"byId":{"-1":{"name":"x"}},"byFlag":{"true":"GREEN"},"text":"t","customName":"c"}',
  ],
  [Struct, '{"a":null,"b":[1,"x",{"c":true}],"d":{"e":-1.5e3}}'],
  [Value, '[{"k":[null,[]]},"s",0]'],
  [Any, '{"@type":"type.googleapis.com/google.protobuf.Duration","value":"1.5s"}'],
  [Any, '{"fileName":"a.proto","@type":"type.googleapis.com/google.protobuf.SourceContext"}'],
  [Timestamp, '"2024-02-29T23:59:59.123456789+01:30"'],
  [Duration, '"-315576000000.999999999s"'],
  [FieldMask, '"a.bC,dE"'],
  [Int64Value, '"-9223372036854775808"'],
];

describe("hostile JSON", () => {
  test.each(seeds.map(([type, text], i) => [type, text, i] as const))("mutations of seed %#: only CodecErrors, never a crash", (type, text, i) => {
    const random = rng(1000 + i);
    expect(() => type.fromJsonString(text, { registry })).not.toThrow();
    for (let n = 0; n < 3000; n++) {
      const input = mutate(text, random);
      try {
        type.fromJsonString(input, { registry });
        type.fromJsonString(input, { registry, ignoreUnknownFields: true });
      } catch (e) {
        if (!(e instanceof CodecError)) throw new Error(`${String(e)} for input ${JSON.stringify(input)}`, { cause: e });
      }
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  test("values of the wrong kind from JavaScript callers are CodecErrors too", () => {
    const notJson = [undefined, () => 1, Symbol("s"), 1n, new Date(), new Map(), new Sample()];
    for (const bad of [...notJson, new Uint8Array(1), { int32V: 1n }, { child: new Date() }, { ints: { length: 1 } }]) {
      expect(() => Sample.fromJson(bad as never)).toThrow(CodecError);
    }
    for (const bad of notJson) expect(() => Struct.fromJson({ a: [bad] } as never)).toThrow(CodecError);
  });

  test("a cyclic value fails at maxDepth instead of looping", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["a"] = cyclic;
    expect(() => Struct.fromJson(cyclic as never)).toThrow(/maxDepth/);
  });
});
