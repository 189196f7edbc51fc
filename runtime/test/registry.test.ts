import { createRegistry } from "../src/registry";
import { Any } from "../src/gen/google/protobuf/any_pb";
import { FileDescriptorProto } from "../src/gen/google/protobuf/descriptor_pb";
import { Duration, file_google_protobuf_duration } from "../src/gen/google/protobuf/duration_pb";
import { file_google_protobuf_struct, ListValue, NullValue$type, Struct, Value } from "../src/gen/google/protobuf/struct_pb";
import { Field_Kind$type, file_google_protobuf_type, Type } from "../src/gen/google/protobuf/type_pb";
import { SourceContext } from "../src/gen/google/protobuf/source_context_pb";

describe("createRegistry", () => {
  test("finds message types added directly and those their fields reach", () => {
    const r = createRegistry(Struct);
    expect(r.getMessage("google.protobuf.Struct")).toBe(Struct);
    expect(r.getMessage("google.protobuf.Value")).toBe(Value);
    expect(r.getMessage("google.protobuf.ListValue")).toBe(ListValue);
    expect(r.getEnum("google.protobuf.NullValue")).toBe(NullValue$type);
    expect(r.getMessage("google.protobuf.Duration")).toBeUndefined();
  });

  test("takes enums and other registries", () => {
    const r = createRegistry(createRegistry(Duration), Field_Kind$type);
    expect(r.getMessage("google.protobuf.Duration")).toBe(Duration);
    expect(r.getEnum("google.protobuf.Field.Kind")).toBe(Field_Kind$type);
  });

  test("takes generated files with their types and transitive dependencies", () => {
    const r = createRegistry(file_google_protobuf_type);
    expect(r.getMessage("google.protobuf.Type")).toBe(Type);
    expect(r.getMessage("google.protobuf.SourceContext")).toBe(SourceContext);
    expect(r.getFile("google/protobuf/type.proto")).toBe(file_google_protobuf_type);
    expect(r.getFile("google/protobuf/any.proto")?.messages).toEqual([Any]);
    const names = r.files().map((f) => f.name);
    expect(names.indexOf("google/protobuf/any.proto")).toBeLessThan(names.indexOf("google/protobuf/type.proto"));
    expect(new Set(names).size).toBe(names.length);
  });

  test("finds the file declaring a symbol, nested names included", () => {
    const r = createRegistry(file_google_protobuf_struct, file_google_protobuf_type);
    expect(r.getFileContaining("google.protobuf.Value")).toBe(file_google_protobuf_struct);
    expect(r.getFileContaining("google.protobuf.Field.Kind.TYPE_INT32")).toBe(file_google_protobuf_type);
    expect(r.getFileContaining("google.protobuf.Nope")).toBeUndefined();
  });

  test("a file's embedded descriptor is its FileDescriptorProto", () => {
    const proto = FileDescriptorProto.fromBinary(file_google_protobuf_duration.proto);
    expect(proto.name).toBe("google/protobuf/duration.proto");
    expect(proto.messageType.map((m) => m.name)).toEqual(["Duration"]);
    expect(proto.sourceCodeInfo).toBeUndefined();
  });

  test("resolves Any by name, as JSON needs it", () => {
    const r = createRegistry(file_google_protobuf_duration);
    expect(Any.pack(Duration.fromMs(1)).toJson({ registry: r })).toEqual({ "@type": "type.googleapis.com/google.protobuf.Duration", value: "0.001s" });
  });
});
