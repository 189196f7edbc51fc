import type { FieldPathElement, Subscript } from "./violation.js";

/**
 * Field and rule path steps as generated code writes them: `[number, name, type]`, and for a
 * map field `[number, name, 11, keyType, valueType]`; `[0, name, 0]` is a oneof. Turned into
 * `FieldPathElement`s only when a violation is reported.
 */
export type PathStep = readonly [number, string, number, number?, number?];

/** A step of a rule path: `[number, name, type]`, and `[number, name, type, index]` for an item of a repeated rule (`cel[1]`). */
export type RuleStep = readonly [number, string, number, number?];

/** The path from the validated message down to a nested message; built as validation descends. */
export interface PathNode {
  readonly parent: PathNode | undefined;
  readonly step: PathStep;
  /** A list index, or a map key in its string form (as generated maps hold it). */
  readonly sub: number | string | undefined;
}

/** The field path of a nested message: the parent's path plus one step. */
export function descend(parent: PathNode | undefined, step: PathStep, sub?: number | string): PathNode {
  return { parent, step, sub };
}

export function toElements(path: PathNode | undefined, last?: PathStep, lastSub?: number | string): FieldPathElement[] {
  const out: FieldPathElement[] = last ? [element(last, lastSub)] : [];
  for (let p = path; p; p = p.parent) out.push(element(p.step, p.sub));
  return out.reverse();
}

export function element(step: PathStep, sub?: number | string): FieldPathElement {
  const [fieldNumber, fieldName, fieldType, keyType, valueType] = step;
  if (sub === undefined) return { fieldNumber, fieldName, fieldType };
  if (typeof sub === "number") return { fieldNumber, fieldName, fieldType, subscript: { case: "index", value: BigInt(sub) } };
  return { fieldNumber, fieldName, fieldType, keyType, valueType, subscript: mapKey(keyType!, sub) };
}

// FieldDescriptorProto.Type numbers of map key types.
const BOOL = 8,
  STRING = 9,
  UINT32 = 13,
  FIXED32 = 7,
  UINT64 = 4,
  FIXED64 = 6;

function mapKey(keyType: number, key: string): Subscript {
  switch (keyType) {
    case BOOL:
      return { case: "boolKey", value: key === "true" };
    case STRING:
      return { case: "stringKey", value: key };
    case UINT32:
    case FIXED32:
    case UINT64:
    case FIXED64:
      return { case: "uintKey", value: BigInt(key) };
    default:
      return { case: "intKey", value: BigInt(key) };
  }
}
