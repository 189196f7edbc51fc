/**
 * What a failed validation reports, in protovalidate's vocabulary (`buf.validate.Violation`,
 * `buf.validate.FieldPath`), so users of protovalidate in other languages recognise it.
 */

/** One step of a field or rule path: `buf.validate.FieldPathElement` as a plain object. */
export interface FieldPathElement {
  readonly fieldNumber: number;
  readonly fieldName: string;
  /** `google.protobuf.FieldDescriptorProto.Type` (11 = message, also for maps); 0 for a oneof. */
  readonly fieldType: number;
  /** Set for a map field with a subscript. */
  readonly keyType?: number;
  readonly valueType?: number;
  readonly subscript?: Subscript;
}

export type Subscript =
  | { readonly case: "index"; readonly value: bigint }
  | { readonly case: "boolKey"; readonly value: boolean }
  | { readonly case: "intKey"; readonly value: bigint }
  | { readonly case: "uintKey"; readonly value: bigint }
  | { readonly case: "stringKey"; readonly value: string };

/** One broken rule: where (field path), which rule (rule path and id), and a message for humans. */
export class Violation {
  constructor(
    readonly message: string,
    readonly ruleId: string,
    readonly field: readonly FieldPathElement[],
    readonly rule: readonly FieldPathElement[],
    /** The violation is about a map key, not its value. */
    readonly forKey: boolean,
  ) {}

  /** `items[0].name: must be at least 3 characters [string.min_len]`. */
  toString(): string {
    const path = fieldPathToString(this.field);
    return `${path ? path + ": " : ""}${this.message} [${this.ruleId}]`;
  }
}

/** `a.b[2].c["key"]` from proto field names and subscripts. */
export function fieldPathToString(path: readonly FieldPathElement[]): string {
  let out = "";
  for (const e of path) {
    out += (out ? "." : "") + e.fieldName;
    const s = e.subscript;
    if (s) out += s.case === "stringKey" ? `[${JSON.stringify(s.value)}]` : `[${s.value}]`;
  }
  return out;
}

/** A message that broke one or more rules; `violations` in protovalidate's order. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  constructor(readonly violations: readonly Violation[]) {
    super(
      violations.length === 0
        ? "validation failed"
        : violations[0].toString() + (violations.length > 1 ? `, and ${violations.length - 1} more violation${violations.length > 2 ? "s" : ""}` : ""),
    );
  }
}

/** A rule of the message's schema that cannot be evaluated (reported for that message only). */
export class CompilationError extends Error {
  override readonly name = "CompilationError";
}

/** A rule that failed while being evaluated (for example a regular expression on bytes that are not UTF-8). */
export class RuntimeError extends Error {
  override readonly name = "RuntimeError";
}
