import type { ValueInfo } from "./fields.js";
import { unknownFields } from "./unknown-fields.js";
import { copyRange } from "./wire/slab.js";
import type { Message } from "./message.js";

type Fields = Record<string, unknown>;

/** A deep copy driven by the field table: nested messages, arrays, maps, bytes and unknown fields are all copied. */
export function messageClone<T extends Message<T>>(msg: T): T {
  const type = msg.$type();
  const out = new type();
  const src = msg as unknown as Fields;
  const dst = out as unknown as Fields;
  for (const f of type.$fields.list) {
    if (f.kind === "map") {
      const record = Object.create(null) as Fields;
      const from = src[f.localName] as Fields;
      for (const k of Object.keys(from)) record[k] = cloneValue(f.V, from[k]);
      dst[f.localName] = record;
    } else if (f.oneof !== undefined) {
      const o = src[f.oneof] as { case?: string; value?: unknown };
      if (o.case === f.localName) dst[f.oneof] = { case: o.case, value: cloneValue(f, o.value) };
    } else if (f.repeated) {
      dst[f.localName] = (src[f.localName] as unknown[]).map((v) => cloneValue(f, v));
    } else {
      dst[f.localName] = cloneValue(f, src[f.localName]);
    }
  }
  const unknown = msg[unknownFields];
  if (unknown) out[unknownFields] = unknown.map((c) => copyRange(c, 0, c.length));
  return out;
}

function cloneValue(info: ValueInfo, v: unknown): unknown {
  if (v === undefined) return v;
  if (info.kind === "message") return (v as Message).clone();
  return v instanceof Uint8Array ? copyRange(v, 0, v.length) : v;
}
