/**
 * The well-known type files the runtime ships, generated into
 * runtime/src/gen/google/protobuf and exported by `@tsgrpc/runtime`: other
 * files import their classes from the runtime. The one list of them:
 * `npm run generate:runtime` (scripts/generate-runtime.js) generates these,
 * and a test checks that the runtime's index exports each.
 */
export const runtimeWktFiles: readonly string[] = [
  "any",
  "api",
  "descriptor",
  "duration",
  "empty",
  "field_mask",
  "source_context",
  "struct",
  "timestamp",
  "type",
  "wrappers",
].map((n) => `google/protobuf/${n}.proto`);
