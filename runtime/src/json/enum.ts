import type { EnumType } from "../fields.js";

interface EnumLookup {
  readonly byName: Map<string, number>;
  /** First declared name per number (aliases lose to the value they alias). */
  readonly byNo: Map<number, string>;
}

const cache = new WeakMap<EnumType, EnumLookup>();

export function enumLookup(T: EnumType): EnumLookup {
  let l = cache.get(T);
  if (!l) {
    const byName = new Map<string, number>();
    const byNo = new Map<number, string>();
    for (const v of T.values) {
      byName.set(v.name, v.no);
      if (!byNo.has(v.no)) byNo.set(v.no, v.name);
    }
    l = { byName, byNo };
    cache.set(T, l);
  }
  return l;
}

/** google.protobuf.NullValue: always written as JSON null, and null reads as its 0. */
export const NULL_VALUE = "google.protobuf.NullValue";
