import type { ValueInfo } from "./fields.js";
import type { AnyMessage, Message, PartialMessage } from "./message.js";

type Fields = Record<string, unknown>;

/**
 * Fills a freshly constructed message from a deep partial (what generated
 * constructors call). Missing or undefined properties keep their defaults;
 * nested messages may be instances (kept as they are) or plain partials;
 * arrays and maps are copied so the message never shares them with `init`.
 * Map keys are taken as own keys into a null-prototype record, so a key
 * named `__proto__` stays an ordinary entry.
 */
export function initPartial<T extends Message<T>>(target: T, init: PartialMessage<T>): void {
  const t = target as unknown as Fields;
  const src = init as Fields;
  for (const f of target.$type().$fields.list) {
    if (f.kind !== "map" && f.oneof !== undefined) {
      const o = src[f.oneof] as { case?: string; value?: unknown } | undefined;
      if (o?.case === f.localName) t[f.oneof] = { case: f.localName, value: initValue(f, o.value) };
      continue;
    }
    const v = src[f.localName];
    if (v === undefined || v === null) continue;
    if (f.kind === "map") {
      const record = Object.create(null) as Fields;
      for (const k of Object.keys(v)) record[k] = initValue(f.V, (v as Fields)[k]);
      t[f.localName] = record;
    } else if (f.repeated) {
      t[f.localName] = (v as unknown[]).map((e) => initValue(f, e));
    } else {
      t[f.localName] = initValue(f, v);
    }
  }
}

function initValue(info: ValueInfo, v: unknown): unknown {
  if (info.kind !== "message" || v instanceof info.T) return v;
  return new info.T(v as PartialMessage<AnyMessage>);
}
