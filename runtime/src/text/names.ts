import type { FieldInfo } from "../fields.js";
import type { MessageType } from "../message.js";

/**
 * Field names in text format. A field is written under its .proto name, but a
 * group (and an editions DELIMITED field shaped like one: named after its
 * message type, lowercased, declared beside it) is written under its type's
 * name, `MyGroup { ... }`; both spellings read.
 */

interface Names {
  /** Text name → field (proto names, and type names of group-like fields). */
  readonly byName: Map<string, FieldInfo>;
  /** Fields by number, for output in field-number order as other implementations print. */
  readonly sorted: readonly FieldInfo[];
  readonly printName: Map<FieldInfo, string>;
}

const cache = new WeakMap<MessageType, Names>();

function names(type: MessageType): Names {
  let n = cache.get(type);
  if (!n) {
    const byName = new Map<string, FieldInfo>();
    const printName = new Map<FieldInfo, string>();
    for (const f of type.$fields.list) {
      byName.set(f.name, f);
      const group = groupName(type, f);
      if (group !== undefined) byName.set(group, f);
      printName.set(f, group ?? f.name);
    }
    n = { byName, printName, sorted: [...type.$fields.list].sort((a, b) => a.no - b.no) };
    cache.set(type, n);
  }
  return n;
}

/** The type name a group-like field is written under, or undefined. */
function groupName(parent: MessageType, f: FieldInfo): string | undefined {
  if (f.kind !== "message" || !f.delimited) return undefined;
  const typeName = f.T.typeName;
  const short = typeName.slice(typeName.lastIndexOf(".") + 1);
  return short.toLowerCase() === f.name && typeName === `${parent.typeName}.${short}` ? short : undefined;
}

export function fieldByTextName(type: MessageType, name: string): FieldInfo | undefined {
  return names(type).byName.get(name);
}

export function fieldsByNumber(type: MessageType): readonly FieldInfo[] {
  return names(type).sorted;
}

export function textName(type: MessageType, f: FieldInfo): string {
  return names(type).printName.get(f) ?? f.name;
}
