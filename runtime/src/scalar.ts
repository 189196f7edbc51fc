/** Protobuf scalar types, numbered as in google.protobuf.FieldDescriptorProto.Type. */
export enum ScalarType {
  DOUBLE = 1,
  FLOAT = 2,
  INT64 = 3,
  UINT64 = 4,
  INT32 = 5,
  FIXED64 = 6,
  FIXED32 = 7,
  BOOL = 8,
  STRING = 9,
  BYTES = 12,
  UINT32 = 13,
  SFIXED32 = 15,
  SFIXED64 = 16,
  SINT32 = 17,
  SINT64 = 18,
}

/** How a 64-bit integer field is represented in TypeScript. */
export enum LongType {
  BIGINT = 0,
  STRING = 1,
}
