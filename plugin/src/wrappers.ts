import type { DescField, ScalarType } from "@bufbuild/protobuf";

/** The nine messages of google/protobuf/wrappers.proto, each one scalar `value = 1`. */
const wrapperTypes = new Set(
  ["DoubleValue", "FloatValue", "Int64Value", "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue"].map(
    (n) => `google.protobuf.${n}`,
  ),
);

/**
 * The scalar type a field holds unboxed when it is a singular field (oneof
 * members included) of a wrapper type: its property is `T | undefined`
 * instead of the wrapper message. Repeated and map values, and extensions
 * (whose values stay in unknown fields), keep the wrapper class.
 */
export function unboxedWrapper(field: DescField): ScalarType | undefined {
  if (field.kind !== "field" || field.fieldKind !== "message" || !wrapperTypes.has(field.message.typeName)) return undefined;
  const value = field.message.fields[0];
  return value?.fieldKind === "scalar" ? value.scalar : undefined;
}
