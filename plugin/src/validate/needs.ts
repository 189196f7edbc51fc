import type { DescField, DescMessage } from "@bufbuild/protobuf";
import { fieldRules, messageRules, oneofRequired } from "./rules.js";

/**
 * Whether a message's class gets a `$validate`: it has rules of its own, or a field holds a
 * message that does (recursively). Decided from the schema alone, so the file declaring a message
 * and the files using it agree.
 */
export function needsValidation(message: DescMessage): boolean {
  return closure(message).has(message);
}

const cache = new WeakMap<DescMessage, Set<DescMessage>>();

/** Every message reachable from `root` that needs validation (a fixed point, so cycles settle). */
function closure(root: DescMessage): Set<DescMessage> {
  const hit = cache.get(root);
  if (hit) return hit;
  const all = new Set<DescMessage>();
  const visit = (m: DescMessage) => {
    if (all.has(m)) return;
    all.add(m);
    for (const f of m.fields) {
      const child = messageOf(f);
      if (child) visit(child);
    }
  };
  visit(root);
  const needs = new Set([...all].filter(hasOwnRules));
  for (let changed = true; changed;) {
    changed = false;
    for (const m of all) {
      if (needs.has(m)) continue;
      if (
        m.fields.some((f) => {
          const c = messageOf(f);
          return c !== undefined && needs.has(c);
        })
      ) {
        needs.add(m);
        changed = true;
      }
    }
  }
  for (const m of all) cache.set(m, needs);
  return needs;
}

function messageOf(f: DescField): DescMessage | undefined {
  return f.fieldKind === "message" ? f.message : f.fieldKind === "list" || f.fieldKind === "map" ? (f.message ?? undefined) : undefined;
}

function hasOwnRules(m: DescMessage): boolean {
  return m.fields.some((f) => fieldRules(f) !== undefined) || messageRules(m) !== undefined || m.oneofs.some(oneofRequired);
}
