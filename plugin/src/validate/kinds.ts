import { ScalarType, type DescField } from "@bufbuild/protobuf";
import { BadRuleError } from "./rules.js";
import type { FieldRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/** Which `FieldRules` case fits which field, as protovalidate decides it. */

const scalarRules: Record<number, string> = {
  [ScalarType.FLOAT]: "float",
  [ScalarType.DOUBLE]: "double",
  [ScalarType.INT32]: "int32",
  [ScalarType.INT64]: "int64",
  [ScalarType.UINT32]: "uint32",
  [ScalarType.UINT64]: "uint64",
  [ScalarType.SINT32]: "sint32",
  [ScalarType.SINT64]: "sint64",
  [ScalarType.FIXED32]: "fixed32",
  [ScalarType.FIXED64]: "fixed64",
  [ScalarType.SFIXED32]: "sfixed32",
  [ScalarType.SFIXED64]: "sfixed64",
  [ScalarType.BOOL]: "bool",
  [ScalarType.STRING]: "string",
  [ScalarType.BYTES]: "bytes",
};

/** Well-known message types with rules of their own (wrappers take their value's rules). */
const messageRules: Record<string, string> = {
  "google.protobuf.Any": "any",
  "google.protobuf.Duration": "duration",
  "google.protobuf.Timestamp": "timestamp",
  "google.protobuf.FieldMask": "fieldMask",
  "google.protobuf.FloatValue": "float",
  "google.protobuf.DoubleValue": "double",
  "google.protobuf.Int32Value": "int32",
  "google.protobuf.Int64Value": "int64",
  "google.protobuf.UInt32Value": "uint32",
  "google.protobuf.UInt64Value": "uint64",
  "google.protobuf.BoolValue": "bool",
  "google.protobuf.StringValue": "string",
  "google.protobuf.BytesValue": "bytes",
};

export const scalarRuleKind = (scalar: ScalarType): string => scalarRules[scalar];
export const messageRuleKind = (typeName: string): string | undefined => messageRules[typeName];

/**
 * The rules message of `rules` if its case is `want`; undefined when no type rules are set. A
 * case that does not fit is a bad rule, reported with protovalidate's words.
 */
export function typeRules<T>(rules: FieldRules | undefined, want: string | undefined, field: DescField): T | undefined {
  const got = rules?.type.case;
  if (got === undefined) return undefined;
  if (got !== want) {
    const on = `field ${field.parent.typeName}.${field.name}`;
    throw new BadRuleError(
      field,
      protoCase(got),
      want === undefined ? `rule "${got}" cannot be used on ${on}` : `expected rule "${want}", got "${got}" on ${on}`,
    );
  }
  return rules!.type.value as T;
}

const protoCase = (c: string) => c.replace(/[A-Z]/g, (x) => "_" + x.toLowerCase());
