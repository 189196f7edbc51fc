/**
 * Generated `$toJson` / `$toJsonText` / `$fromJson` against the field table
 * they stand in for (the text against JSON.stringify of the table's object), each side called on its own (the entry points fall back to the field
 * table when generated code throws, which would hide a generated reader that
 * is too strict or a writer that throws too often). On valid messages and
 * on any JSON both give the same JSON, the same message, or the same error
 * class. On messages holding wrong-typed values, generated code may throw
 * where the field table does not (a `0` in an int64 field: the table omits
 * it as zero) since the fallback then writes the table's JSON, or throw
 * another error than the table's, which the fallback then throws; it must
 * never succeed with other JSON, nor where the table throws.
 */
import fc from "fast-check";
import { JsonEncodeError, LongType, ScalarType, Value, type AnyMessage, type JsonValue, type MessageType } from "@tsgrpc/runtime";
import { readContext, writeContext } from "../../src/json/context";
import { readMessage } from "../../src/json/read";
import { writeMessage } from "../../src/json/write";
import * as tree from "../../../testdata/gen/hostile/v1/tree_pb.js";
import * as wide from "../../../testdata/gen/hostile/v1/wide_pb.js";
import * as scalars from "../../../testdata/gen/scalars/v1/scalars_pb.js";
import * as wrapped from "../../../testdata/gen/scalars/v1/wrapped_pb.js";
import * as legacy from "../../../testdata/gen/legacy/v1/legacy_pb.js";
import * as editions from "../../../testdata/gen/editions/v1/edition2024_pb.js";
import * as features from "../../../testdata/gen/editions/v1/features_pb.js";
import * as users from "../../../testdata/gen/users/v1/user_service_pb.js";
import * as names from "../../../testdata/gen/collide/v1/names_pb.js";
import { arbitraryMessage, arbitraryMessageWith, type ScalarArbitrary } from "./arbitrary";
import { runs, seed } from "./budget";

function messageTypes(...modules: Record<string, unknown>[]): MessageType<AnyMessage>[] {
  const found = modules.flatMap((m) => Object.values(m)).filter((v): v is MessageType<AnyMessage> => typeof v === "function" && "$fields" in v);
  return [...found, Value];
}

const types = messageTypes(tree, wide, scalars, wrapped, legacy, editions, features, users, names);

type Outcome = { ok: unknown } | { error: string };

/** The result, or the class of the error (a wrong-typed Timestamp field can throw a RangeError on both sides). */
function outcome(run: () => unknown): Outcome {
  try {
    return { ok: run() };
  } catch (e) {
    return { error: (e as Error).constructor.name };
  }
}

// The generated classes are typed against the built runtime, these internals against its source: `as never` bridges the two.
const generatedWrite = (msg: AnyMessage): JsonValue => msg.$toJson(writeContext(undefined) as never);
const tableWrite = (msg: AnyMessage): JsonValue => writeMessage(msg as never, writeContext(undefined));
const generatedText = (msg: AnyMessage): string => msg.$toJsonText(writeContext(undefined, true) as never);
const tableText = (msg: AnyMessage): string => JSON.stringify(tableWrite(msg));
const read = (type: MessageType<AnyMessage>, json: unknown, generated: boolean, ignoreUnknownFields: boolean): AnyMessage =>
  readMessage(type as never, json as JsonValue, readContext({ ignoreUnknownFields }, generated), "") as never;

/** Values a JavaScript caller may leave in a field by mistake, mixed into the right ones. */
const wrongValues: ScalarArbitrary = (_type: ScalarType, _long: LongType | undefined, random) =>
  fc.oneof(
    { weight: 4, arbitrary: random },
    fc.constantFrom<unknown>(0, -0, 1.5, NaN, Infinity, "0", "x", "12", 0n, 7n, -1n, false, true, null, new Uint8Array(1), 2 ** 32, -1),
  );

describe("generated JSON code agrees with the field table", () => {
  const writers = [
    ["object", generatedWrite, tableWrite],
    ["text", generatedText, tableText],
  ] as const;
  const cases = types.flatMap((t) => writers.map(([form, generated, table]) => [t.typeName, form, t, generated, table] as const));
  test.each(cases)("%s: writing valid and wrong-typed messages (%s)", (_name, _form, type, generatedOf, tableOf) => {
    const valid = fc.sample(arbitraryMessage(type, 2), { seed, numRuns: runs(100) });
    const wrong = fc.sample(arbitraryMessageWith(wrongValues, type, 2), { seed, numRuns: runs(100) });
    for (const msg of valid) expect(outcome(() => generatedOf(msg))).toEqual(outcome(() => tableOf(msg)));
    for (const msg of wrong) {
      const generated = outcome(() => generatedOf(msg));
      const table = outcome(() => tableOf(msg));
      if ("ok" in generated) expect(generated).toEqual(table);
      // The table's error is what the caller sees after the fallback; generated code may stop at another value first.
      else if ("ok" in table) expect(generated).toEqual({ error: JsonEncodeError.name });
    }
  });

  test.each(types.map((t) => [t.typeName, t] as const))("%s: reading written JSON, mutated values and unknown keys", (_name, type) => {
    const written = fc
      .sample(arbitraryMessage(type, 2), { seed, numRuns: runs(100) })
      .map((m) => outcome(() => tableWrite(m)))
      .flatMap((o) => ("ok" in o ? [o.ok as JsonValue] : []));
    const keys = type.$fields.list.flatMap((f) => [f.jsonName, f.name]);
    const random = fc.sample(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...keys, "__proto__", "unknown_key"), fc.string({ maxLength: 3 })),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom("NaN", "1e400", "-0", "9223372036854775808", "AAAA", "A===", "ROLE_ADMIN", 1.5, -1)),
        { maxKeys: 4 },
      ),
      { seed, numRuns: runs(200) },
    );
    for (const json of [...written, ...random]) {
      for (const ignore of [false, true]) {
        const generated = outcome(() => read(type, json, true, ignore));
        const table = outcome(() => read(type, json, false, ignore));
        if ("ok" in generated && "ok" in table) {
          expect((generated.ok as AnyMessage).equals(table.ok as AnyMessage)).toBe(true);
        } else {
          expect(generated).toEqual(table);
        }
      }
    }
  });
});
