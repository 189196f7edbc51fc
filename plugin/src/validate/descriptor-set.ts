import { create, toBinary, type DescFile } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { file_buf_validate_validate } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";

/**
 * `buf/validate/validate.proto` as a FileDescriptorSet, taken from the descriptor the npm package
 * `@bufbuild/protovalidate` embeds, for `protoc --descriptor_set_in=...` (the Buf registry's
 * module is the other way to get it). Only that file: its imports (google/protobuf/*.proto) come
 * from protoc's include path like every other import.
 */
export function validateDescriptorSet(): Uint8Array {
  const file: DescFile = file_buf_validate_validate;
  return toBinary(FileDescriptorSetSchema, create(FileDescriptorSetSchema, { file: [file.proto] }));
}
