import type { FieldInfo } from "../fields.js";
import type { MessageType } from "../message.js";

/**
 * A field of a well-known type by number, checked for its kind. WKT forms go
 * through the field table (not the generated classes, which import the
 * runtime) so the field's property name and long type are honoured.
 */
export function wktField<K extends FieldInfo["kind"]>(type: MessageType, no: number, kind: K): Extract<FieldInfo, { kind: K }> {
  const f = type.$fields.find(no);
  if (!f || f.kind !== kind) throw new Error(`${type.typeName} has no ${kind} field ${no}: not the well-known type`);
  return f as Extract<FieldInfo, { kind: K }>;
}
