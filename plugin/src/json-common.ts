import { ScalarType, type DescMessage } from "@bufbuild/protobuf";
import type { Line } from "./code.js";
import type { FileContext } from "./context.js";
import { scalarInfo } from "./scalar.js";

/**
 * The well-known types with a JSON form of their own, and the runtime's export of that form: their classes hold it
 * as `static $jsonForm` and keep the runtime's table-driven `$toJson` / `$fromJson`.
 */
const ownForms = new Map(
  Object.entries({
    Timestamp: "timestampJsonForm",
    Duration: "durationJsonForm",
    FieldMask: "fieldMaskJsonForm",
    Struct: "structJsonForm",
    Value: "valueJsonForm",
    ListValue: "listValueJsonForm",
    Any: "anyJsonForm",
    DoubleValue: "wrapperJsonForm",
    FloatValue: "wrapperJsonForm",
    Int64Value: "wrapperJsonForm",
    UInt64Value: "wrapperJsonForm",
    Int32Value: "wrapperJsonForm",
    UInt32Value: "wrapperJsonForm",
    BoolValue: "wrapperJsonForm",
    StringValue: "wrapperJsonForm",
    BytesValue: "wrapperJsonForm",
  }).map(([name, form]) => [`google.protobuf.${name}`, form]),
);

export function hasOwnJsonForm(message: DescMessage): boolean {
  return ownForms.has(message.typeName);
}

/** `static $jsonForm` of a well-known type with its own JSON form: on the class, so a bundle has the form only with it. */
export function jsonFormMember(ctx: FileContext, message: DescMessage): Line[] {
  const form = ownForms.get(message.typeName);
  return form ? [["static readonly $jsonForm: ", ctx.rt("JsonForm", true), " = ", ctx.rt(form), ";"]] : [];
}

/** The runtime helpers converting one scalar, by type: `int64` → `int64ToJson`, `int64FromJson`. */
const helperStem: Record<ScalarType, string> = {
  [ScalarType.STRING]: "string",
  [ScalarType.BOOL]: "bool",
  [ScalarType.BYTES]: "bytes",
  [ScalarType.INT32]: "int32",
  [ScalarType.SINT32]: "int32",
  [ScalarType.SFIXED32]: "int32",
  [ScalarType.UINT32]: "uint32",
  [ScalarType.FIXED32]: "uint32",
  [ScalarType.INT64]: "int64",
  [ScalarType.SINT64]: "int64",
  [ScalarType.SFIXED64]: "int64",
  [ScalarType.UINT64]: "uint64",
  [ScalarType.FIXED64]: "uint64",
  [ScalarType.DOUBLE]: "double",
  [ScalarType.FLOAT]: "float",
};

export function scalarJsonHelper(t: ScalarType, direction: "ToJson" | "FromJson"): string {
  // A float is written as the number it holds, like a double; it is read with float32 rounding and range.
  if (t === ScalarType.FLOAT && direction === "ToJson") return "doubleToJson";
  return helperStem[t] + direction;
}

/** `ScalarType.X` as generated code names it. */
export function scalarTypeOf(ctx: FileContext, t: ScalarType): Line {
  return [ctx.rt("ScalarType"), `.${scalarInfo(t).enumMember}`];
}

/** Timestamp and Duration fields are written by the runtime's form directly: `timestampToJson`, `durationToJson`. */
export function stringFormHelper(message: DescMessage): string | undefined {
  switch (message.typeName) {
    case "google.protobuf.Timestamp":
      return "timestampToJson";
    case "google.protobuf.Duration":
      return "durationToJson";
    default:
      return undefined;
  }
}
