/**
 * `@tsgrpc/runtime/validate`: checking messages against their `buf.validate` rules (protovalidate).
 * The plugin turns the rules into a static `$validate` of each class that needs one; this module
 * holds the outcome types, the helpers generated code calls, and the format checks. Nothing in
 * the root `@tsgrpc/runtime` imports it.
 */
export { validate, assertValid, validatorOf, type ValidationResult, type ValidateOptions, type MessageValidator } from "./validate.js";
export { Violation, ValidationError, CompilationError, RuntimeError, fieldPathToString, type FieldPathElement, type Subscript } from "./violation.js";
export { ValidationContext } from "./context.js";
export { descend, type PathNode, type PathStep, type RuleStep } from "./path.js";
export { codepoints, utf8Length, bytesEqual, bytesStartWith, bytesEndWith, bytesContain, bytesIn, unique, utf8 } from "./values.js";
export * from "./formats/index.js";
export { compareTime, compareNow, isWithinOfNow, type TimeLike } from "./time.js";
export { violationsToProto, violationToProto } from "./proto.js";
// buf/validate/validate.proto, generated: files with rules import its descriptor from here, and files
// declaring predefined rules the rules messages they extend. The violation messages carry a Proto
// suffix, the names without it being the API's own.
export {
  file_buf_validate_validate,
  Violations as ViolationsProto,
  Violation as ViolationProto,
  FieldPath as FieldPathProto,
  FieldPathElement as FieldPathElementProto,
  Ignore,
  Ignore$type,
  KnownRegex,
  KnownRegex$type,
  Rule,
  MessageRules,
  MessageOneofRule,
  OneofRules,
  FieldRules,
  PredefinedRules,
  FloatRules,
  DoubleRules,
  Int32Rules,
  Int64Rules,
  UInt32Rules,
  UInt64Rules,
  SInt32Rules,
  SInt64Rules,
  Fixed32Rules,
  Fixed64Rules,
  SFixed32Rules,
  SFixed64Rules,
  BoolRules,
  StringRules,
  BytesRules,
  EnumRules,
  RepeatedRules,
  MapRules,
  AnyRules,
  DurationRules,
  FieldMaskRules,
  TimestampRules,
} from "../gen/buf/validate/validate_pb.js";
