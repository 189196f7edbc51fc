/**
 * A protobuf-es registry built from the descriptors generated files embed (the bytes protoc handed
 * the plugin), for the parts of validation that run on `@bufbuild/cel` and protobuf-es reflection.
 */
import { createFileRegistry, fromBinary, type FileRegistry } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import type { FileInfo } from "../registry.js";

/** The part of a `FileInfo` read here (structural, so tests built against the package can pass theirs). */
type EmbeddedFile = Pick<FileInfo, "name" | "proto"> & { readonly dependencies: readonly EmbeddedFile[] };

/** The registry of `files` and everything they import, dependencies first. */
export function embeddedRegistry(files: readonly EmbeddedFile[]): FileRegistry {
  const all: EmbeddedFile[] = [];
  const seen = new Set<string>();
  const visit = (f: EmbeddedFile) => {
    if (seen.has(f.name)) return;
    seen.add(f.name);
    f.dependencies.forEach(visit);
    all.push(f);
  };
  files.forEach(visit);
  const set = { $typeName: "google.protobuf.FileDescriptorSet", file: all.map((f) => fromBinary(FileDescriptorProtoSchema, f.proto)) };
  return createFileRegistry(set as never);
}
