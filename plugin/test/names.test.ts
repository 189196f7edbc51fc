import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema, FileDescriptorProtoSchema, FieldDescriptorProto_Type } from "@bufbuild/protobuf/wkt";
import { protocGenTsgrpc } from "../src/index";
import { runPlugin } from "../src/run";

/** A one-message proto3 file, built by hand as a corrupted or hostile request could be. */
function request(messageName: string, fieldName: string) {
  const file = create(FileDescriptorProtoSchema, {
    name: "x.proto",
    package: "x",
    syntax: "proto3",
    messageType: [{ name: messageName, field: [{ name: fieldName, number: 1, type: FieldDescriptorProto_Type.STRING, jsonName: "f" }] }],
  });
  return toBinary(CodeGeneratorRequestSchema, create(CodeGeneratorRequestSchema, { fileToGenerate: ["x.proto"], protoFile: [file], parameter: "target=ts" }));
}

function run(messageName: string, fieldName: string) {
  return fromBinary(CodeGeneratorResponseSchema, runPlugin(protocGenTsgrpc, request(messageName, fieldName)));
}

describe("names from descriptors", () => {
  it("generates code for valid identifiers", () => {
    const res = run("Msg", "f");
    expect(res.error).toBe("");
    expect(res.file.map((f) => f.name)).toEqual(["x_pb.ts"]);
  });

  it.each([
    ["Msg", "f;process.exit(1)"],
    ["Msg {} export class Evil", "f"],
    ["Msg", "1abc"],
    ["Msg", ""],
  ])("refuses message %j with field %j instead of pasting it into code", (message, field) => {
    const res = run(message, field);
    expect(res.error).toMatch(/^x\.proto: invalid name in descriptor: /);
    expect(res.file).toEqual([]);
  });
});
