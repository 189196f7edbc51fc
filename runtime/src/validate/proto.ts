import {
  FieldPath as FieldPathProto,
  FieldPathElement as FieldPathElementProto,
  Violation as ViolationProto,
  Violations as ViolationsProto,
} from "../gen/buf/validate/validate_pb.js";
import type { FieldPathElement, Violation } from "./violation.js";

/** Violations as the `buf.validate.Violations` message (what servers put in status details). */
export function violationsToProto(violations: readonly Violation[]): ViolationsProto {
  return new ViolationsProto({ violations: violations.map(violationToProto) });
}

export function violationToProto(v: Violation): ViolationProto {
  return new ViolationProto({
    field: v.field.length ? pathToProto(v.field) : undefined,
    rule: v.rule.length ? pathToProto(v.rule) : undefined,
    ruleId: v.ruleId,
    message: v.message === "" ? undefined : v.message,
    forKey: v.forKey,
  });
}

function pathToProto(path: readonly FieldPathElement[]): FieldPathProto {
  return new FieldPathProto({
    elements: path.map(
      (e) =>
        new FieldPathElementProto({
          fieldNumber: e.fieldNumber || undefined,
          fieldName: e.fieldName,
          fieldType: e.fieldType || undefined,
          keyType: e.keyType,
          valueType: e.valueType,
          subscript: e.subscript ? { ...e.subscript } : { case: undefined },
        }),
    ),
  });
}
