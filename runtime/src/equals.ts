import type { ValueInfo } from "./fields.js";
import { unknownFields } from "./unknown-fields.js";
import type { AnyMessage, Message } from "./message.js";
import { ScalarType } from "./scalar.js";

type Fields = Record<string, unknown>;

/**
 * Field-by-field equality of two messages of the same type, driven by the
 * field table: NaN equals NaN, bytes compare by content, unset (undefined)
 * differs from any value, and unknown fields must match byte for byte.
 */
export function messageEquals<T extends Message<T>>(a: Message<T>, b: T | undefined | null): boolean {
  if (a === b) return true;
  if (!b || a.$type() !== b.$type()) return false;
  const x = a as unknown as Fields;
  const y = b as unknown as Fields;
  for (const f of a.$type().$fields.list) {
    if (f.kind === "map") {
      const mx = x[f.localName] as Fields;
      const my = y[f.localName] as Fields;
      const keys = Object.keys(mx);
      if (keys.length !== Object.keys(my).length) return false;
      if (!keys.every((k) => Object.prototype.hasOwnProperty.call(my, k) && valueEquals(f.V, mx[k], my[k]))) return false;
    } else if (f.oneof !== undefined) {
      const ox = x[f.oneof] as { case?: string; value?: unknown };
      const oy = y[f.oneof] as { case?: string; value?: unknown };
      if (ox.case !== oy.case) return false;
      if (ox.case === f.localName && !valueEquals(f, ox.value, oy.value)) return false;
    } else if (f.repeated) {
      const lx = x[f.localName] as unknown[];
      const ly = y[f.localName] as unknown[];
      if (lx.length !== ly.length || !lx.every((v, i) => valueEquals(f, v, ly[i]))) return false;
    } else if (!valueEquals(f, x[f.localName], y[f.localName])) {
      return false;
    }
  }
  return bytesEqual(concat(a[unknownFields]), concat(b[unknownFields]));
}

function valueEquals(info: ValueInfo, x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  switch (info.kind) {
    case "message":
      return (x as AnyMessage).equals(y as AnyMessage);
    case "enum":
      return false;
    case "scalar":
      if (info.T === ScalarType.BYTES) return bytesEqual(x as Uint8Array, y as Uint8Array);
      return (info.T === ScalarType.DOUBLE || info.T === ScalarType.FLOAT) && Number.isNaN(x) && Number.isNaN(y);
  }
}

function bytesEqual(x: Uint8Array, y: Uint8Array): boolean {
  return x.length === y.length && x.every((b, i) => b === y[i]);
}

function concat(chunks: readonly Uint8Array[] | undefined): Uint8Array {
  if (!chunks?.length) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
