import type { FieldInfo } from "../fields.js";
import type { Message, MessageType } from "../message.js";
import { BinaryWriter } from "./writer.js";

type Loose = Record<string, unknown>;

function encodes(msg: Message<any>): boolean {
  try {
    msg.$encode(new BinaryWriter());
    return true;
  } catch {
    return false;
  }
}

/** `msg` with only `key` set (to `value`), so encoding it encodes that one field. */
function alone(msg: Message<any>, key: string, value: unknown): Message<any> {
  const probe = new (msg.constructor as MessageType)() as unknown as Loose;
  probe[key] = value;
  return probe as unknown as Message<any>;
}

/**
 * Where in `msg` the value is that failed to encode, as a property path
 * (`pages[2].author.age`), found by encoding one field, element or entry at
 * a time with the generated encoders themselves: only ever run after an
 * encode has thrown, so the success path pays nothing for it.
 */
export function encodeErrorPath(msg: Message<any>): string | undefined {
  const fields = (msg.constructor as MessageType).$fields.list;
  const m = msg as unknown as Loose;
  for (const f of fields) {
    const key = f.oneof ?? f.localName;
    const held = m[key];
    if (f.oneof !== undefined && (held as { case?: string } | undefined)?.case !== f.localName) continue;
    if (encodes(alone(msg, key, held))) continue;
    const value = f.oneof === undefined ? held : (held as { value: unknown }).value;
    return f.localName + within(msg, f, key, value);
  }
  return undefined;
}

/** The rest of the path inside field `f`, whose value failed to encode. */
function within(msg: Message<any>, f: FieldInfo, key: string, value: unknown): string {
  const nested = (v: unknown) => (v !== null && typeof v === "object" && "$encode" in v ? encodeErrorPath(v as Message<any>) : undefined);
  const at = (step: string, v: unknown) => step + (nested(v) === undefined ? "" : "." + nested(v));
  if (f.kind === "map") {
    for (const [k, v] of Object.entries(value as Loose)) if (!encodes(alone(msg, key, { __proto__: null, [k]: v }))) return at(`[${JSON.stringify(k)}]`, v);
    return "";
  }
  if (f.repeated && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!encodes(alone(msg, key, [value[i]]))) return at(`[${i}]`, value[i]);
    return "";
  }
  const inner = nested(value);
  return inner === undefined ? "" : "." + inner;
}
