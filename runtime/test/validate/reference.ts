/**
 * The oracle: `@bufbuild/protovalidate` (protovalidate-es) on the same messages. A tsgrpc message
 * crosses over as its binary encoding, decoded by protobuf-es from the same descriptors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileRegistry, fromBinary, toJson, type DescMessage, type FileRegistry, type JsonValue } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { createValidator, violationsToProto } from "@bufbuild/protovalidate";
import { ViolationsSchema } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import type { Message } from "@tsgrpc/runtime";
import { validate, violationsToProto as ourViolationsToProto } from "@tsgrpc/runtime/validate";
import { validateDescriptorSet } from "../../../plugin/src/validate/descriptor-set";

const root = join(__dirname, "..", "..", "..");

/** The test schemas (testdata/validate/proto) as protobuf-es descriptors, compiled by protoc. */
export function loadRegistry(files: string[]): FileRegistry {
  const dir = mkdtempSync(join(tmpdir(), "tsgrpc-validate-"));
  writeFileSync(join(dir, "validate.binpb"), validateDescriptorSet());
  const out = join(dir, "set.binpb");
  const r = spawnSync(
    join(root, "node_modules", ".bin", "protoc"),
    [
      `--descriptor_set_in=${join(dir, "validate.binpb")}`,
      `-I${join(root, "node_modules", "protoc", "include")}`,
      `-I${join(root, "testdata", "validate", "proto")}`,
      "--include_imports",
      `--descriptor_set_out=${out}`,
      ...files,
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`protoc failed: ${r.stderr}`);
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out)));
}

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
