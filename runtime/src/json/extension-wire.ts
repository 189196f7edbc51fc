import type { FieldInfo, ValueInfo } from "../fields.js";
import type { AnyMessage } from "../message.js";
import { LongType, ScalarType } from "../scalar.js";
import { BinaryReader } from "../wire/reader.js";
import { BinaryWriter } from "../wire/writer.js";

// Extension values live in the extendee's unknown fields as raw wire fields;
// these convert between those chunks and values, driven by the FieldInfo
// (generated code has no encoder for fields it does not declare).

/** A field that is not a map: extensions cannot be maps. */
export type ExtensionField = Exclude<FieldInfo, { kind: "map" }>;

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const SGROUP = 3;
const EGROUP = 4;
const I32 = 5;

/** Reader/writer method of a scalar type: ScalarType.SFIXED64 → "sfixed64", as both classes name them. */
type ScalarMethod =
  | "double"
  | "float"
  | "int64"
  | "uint64"
  | "int32"
  | "fixed64"
  | "fixed32"
  | "bool"
  | "string"
  | "bytes"
  | "uint32"
  | "sfixed32"
  | "sfixed64"
  | "sint32"
  | "sint64";
const method = (T: ScalarType) => ScalarType[T].toLowerCase() as ScalarMethod;

function wireType(v: ValueInfo): number {
  if (v.kind === "message") return v.delimited ? SGROUP : LEN;
  if (v.kind === "enum") return VARINT;
  switch (v.T) {
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return I64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return I32;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return LEN;
    default:
      return VARINT;
  }
}

/** The values of extension `f` as complete wire fields: one per value, or one packed field. */
export function encodeExtension(f: ExtensionField, values: unknown[]): Uint8Array[] {
  if (f.kind !== "message" && f.packed) {
    if (values.length === 0) return [];
    const w = new BinaryWriter().uint32(((f.no << 3) | LEN) >>> 0);
    const mark = w.fork();
    for (const v of values) writeValue(w, f, v);
    return [w.join(mark).finish()];
  }
  const wt = wireType(f);
  return values.map((v) => {
    const w = new BinaryWriter().uint32(((f.no << 3) | wt) >>> 0);
    writeValue(w, f, v);
    if (wt === SGROUP) w.uint32(((f.no << 3) | EGROUP) >>> 0);
    return w.finish();
  });
}

function writeValue(w: BinaryWriter, v: ValueInfo, value: unknown): void {
  if (v.kind === "message") {
    const m = value as AnyMessage;
    if (v.delimited) {
      m.$encode(w);
    } else {
      const mark = w.fork();
      m.$encode(w);
      w.join(mark);
    }
  } else if (v.kind === "enum") {
    w.int32(value as number);
  } else {
    (w[method(v.T)] as (x: unknown) => BinaryWriter).call(w, value);
  }
}

/**
 * The values of extension `f` in `chunks` (each one complete wire field with
 * f's number). A chunk of an unexpected wire type is not this extension's and
 * is skipped; a singular message seen twice is merged, as the wire format says.
 */
export function decodeExtension(f: ExtensionField, chunks: readonly Uint8Array[]): unknown[] {
  const out: unknown[] = [];
  const expected = wireType(f);
  for (const chunk of chunks) {
    const r = new BinaryReader(chunk);
    const wt = r.tag() & 7;
    if (f.kind === "message") {
      if (wt !== expected) continue;
      const m = (!f.repeated && (out[0] as AnyMessage | undefined)) || new f.T();
      if (wt === SGROUP) {
        m.$decode(r, r.len, f.no);
      } else {
        const end = r.delimitedEnd();
        m.$decode(r, end);
        r.assertEnd(end);
      }
      if (f.repeated || out.length === 0) out.push(m);
    } else if (wt === expected) {
      out.push(readValue(r, f));
    } else if (wt === LEN) {
      // Packed, whatever the declaration (expected is never LEN here: strings and bytes are not packable).
      const end = r.delimitedEnd();
      while (r.pos < end) out.push(readValue(r, f));
    }
  }
  return out;
}

function readValue(r: BinaryReader, v: Exclude<ValueInfo, { kind: "message" }>): unknown {
  if (v.kind === "enum") return r.int32();
  const value = (r[method(v.T)] as () => unknown).call(r);
  return v.L === LongType.STRING && typeof value === "bigint" ? value.toString() : value;
}
