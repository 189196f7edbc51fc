/**
 * fast-check arbitraries for any generated message, built from its `$fields`
 * table: every field kind, oneofs, maps with hostile keys, open-enum numbers
 * the schema does not name, and recursion bounded by `depth`.
 */
import fc from "fast-check";
import { LongType, ScalarType, type AnyMessage, type FieldInfo, type MessageType } from "@tsgrpc/runtime";

/** What a singular or repeated field, or a map value, holds. */
type ValueInfo = Extract<FieldInfo, { kind: "map" }>["V"];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Strings are whole code points (lone surrogates are not valid UTF-8, so they cannot survive the wire). */
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom("__proto__", "constructor", "toString", ""));

function scalar(type: ScalarType, long: LongType | undefined): fc.Arbitrary<unknown> {
  const asLong = (a: fc.Arbitrary<bigint>) => (long === LongType.STRING ? a.map(String) : a);
  switch (type) {
    case ScalarType.DOUBLE:
      return fc.double();
    case ScalarType.FLOAT:
      return fc.float();
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return fc.integer();
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return fc.integer({ min: 0, max: 0xffffffff });
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return asLong(fc.bigInt({ min: INT64_MIN, max: INT64_MAX }));
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return asLong(fc.bigInt({ min: 0n, max: UINT64_MAX }));
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.STRING:
      return text;
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 12 });
  }
}

/** Replaces the values drawn for a scalar type (to mix in values that matter, such as the bounds of validation rules). */
export type ScalarArbitrary = (type: ScalarType, long: LongType | undefined, random: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>;
let scalarHook: ScalarArbitrary | undefined;

function value(info: ValueInfo, depth: number): fc.Arbitrary<unknown> {
  switch (info.kind) {
    case "scalar":
      return scalarHook ? scalarHook(info.T, info.L, scalar(info.T, info.L)) : scalar(info.T, info.L);
    case "enum": {
      const named = fc.constantFrom(...info.T.values.map((v) => v.no));
      return info.T.open ? fc.oneof(named, fc.integer()) : named;
    }
    case "message":
      return arbitraryMessage(info.T, depth - 1);
  }
}

/** A map key in its property form: the key's string form (`"true"`, `"-5"`). */
function mapKey(type: ScalarType): fc.Arbitrary<string> {
  const random = type === ScalarType.STRING ? text : scalar(type, LongType.BIGINT).map(String);
  return scalarHook && type !== ScalarType.STRING
    ? scalarHook(type, LongType.BIGINT, scalar(type, LongType.BIGINT)).map(String)
    : scalarHook
      ? scalarHook(type, undefined, random).map(String)
      : random;
}

/** What a field's property holds, or undefined to leave the field unset. */
function fieldValue(field: FieldInfo, depth: number): fc.Arbitrary<unknown> {
  if (field.kind === "map") {
    if (field.V.kind === "message" && depth <= 0) return fc.constant(undefined);
    return fc
      .array(fc.tuple(mapKey(field.K), value(field.V, depth)), { maxLength: 3 })
      .map((entries) => Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(entries)));
  }
  if (field.kind === "message" && depth <= 0) return fc.constant(undefined);
  if (field.repeated) return fc.array(value(field, depth), { maxLength: 3 });
  const v = value(field, depth);
  return field.presence || field.kind === "message" ? fc.option(v, { nil: undefined }) : v;
}

/** Like `arbitraryMessage`, with the scalar values drawn through `hook`. */
export function arbitraryMessageWith(hook: ScalarArbitrary, type: MessageType<AnyMessage>, depth = 3): fc.Arbitrary<AnyMessage> {
  scalarHook = hook;
  try {
    return arbitraryMessage(type, depth);
  } finally {
    scalarHook = undefined;
  }
}

/** An arbitrary instance of `type`, nesting messages at most `depth` levels below it. */
export function arbitraryMessage(type: MessageType<AnyMessage>, depth = 3): fc.Arbitrary<AnyMessage> {
  const plain: Record<string, fc.Arbitrary<unknown>> = {};
  const oneofs = new Map<string, FieldInfo[]>();
  for (const field of type.$fields.list) {
    if (field.oneof) oneofs.set(field.oneof, [...(oneofs.get(field.oneof) ?? []), field]);
    else plain[field.localName] = fieldValue(field, depth);
  }
  for (const [name, members] of oneofs) {
    const choices = members
      .filter((f) => f.kind !== "message" || depth > 0)
      .map((f) => value(f as ValueInfo, depth).map((v) => ({ case: f.localName, value: v })));
    plain[name] = fc.oneof(fc.constant({ case: undefined }), ...choices);
  }
  return fc.record(plain).map((props) => {
    const msg = new type();
    for (const [key, v] of Object.entries(props)) if (v !== undefined) msg[key] = v;
    return msg;
  });
}
