/**
 * The oracle: `@bufbuild/protovalidate` (protovalidate-es) on the same messages. A tsgrpc message
 * crosses over as its binary encoding, decoded by protobuf-es from the same descriptors.
 */
import { fromBinary, toJson, type DescMessage, type FileRegistry, type JsonValue } from "@bufbuild/protobuf";
import { createValidator, violationsToProto } from "@bufbuild/protovalidate";
import { ViolationsSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Message } from "@tsgrpc/runtime";
import { validate, violationsToProto as ourViolationsToProto } from "@tsgrpc/runtime/validate";

/**
 * The test schemas as protobuf-es descriptors are the FileDescriptorProtos the generated files embed,
 * i.e. the bytes protoc handed the plugin, as protoc-gen-es would embed them for a protovalidate-es
 * user. (protoc's own --descriptor_set_out encodes options differently: it packs a repeated
 * extension's values into one entry, where the plugin request has one entry per value, and
 * protovalidate-es plans a predefined rule once per entry.)
 */
export { embeddedRegistry } from "../../src/validate/embedded-registry.js";

/** What both sides report, in a comparable form: the outcome, and the violations as `buf.validate.Violations` JSON. */
export interface Outcome {
  kind: "valid" | "invalid" | "error";
  violations?: JsonValue;
  error?: string;
}

/** One validator per registry: the registry gives it the extensions that predefined rules are. */
const validators = new WeakMap<FileRegistry, ReturnType<typeof createValidator>>();

export function referenceOutcome(registry: FileRegistry, msg: Message<any>): Outcome {
  const desc = registry.getMessage((msg.constructor as unknown as { typeName: string }).typeName) as DescMessage;
  const es = fromBinary(desc, msg.toBinary());
  let validator = validators.get(registry);
  if (!validator) validators.set(registry, (validator = createValidator({ registry })));
  const r = validator.validate(desc, es);
  if (r.kind === "valid") return { kind: "valid" };
  if (r.kind === "error") return { kind: "error", error: r.error.message };
  return { kind: "invalid", violations: toJson(ViolationsSchema, violationsToProto(r.violations)[0]) };
}

export function ourOutcome(msg: Message<any>): Outcome {
  const r = validate(msg);
  if (r.kind === "valid") return { kind: "valid" };
  if (r.kind === "error") return { kind: "error", error: r.error.message };
  const bytes = ourViolationsToProto(r.violations).toBinary();
  return { kind: "invalid", violations: toJson(ViolationsSchema, fromBinary(ViolationsSchema, bytes)) };
}
