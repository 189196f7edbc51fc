import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  type DescriptorProtoSchema,
  type FieldDescriptorProtoSchema,
  type FileDescriptorProto,
  type MethodDescriptorProtoSchema,
} from "@bufbuild/protobuf/wkt";
import ts from "typescript";

/**
 * Every name generated code can trip over: each keyword and contextual keyword of the TypeScript in
 * use (which covers JavaScript's), the strict-mode restricted names, the globals generated code uses,
 * Object.prototype's members, the members of Message and Client, and the runtime names generated code
 * imports.
 */
export function adversarialWords(): string[] {
  const keywords: string[] = [];
  for (let kind = ts.SyntaxKind.FirstKeyword; kind <= ts.SyntaxKind.LastKeyword; kind++) keywords.push(ts.tokenToString(kind)!);
  return [
    ...new Set([
      ...keywords,
      ...["arguments", "eval", "undefined", "NaN", "Infinity", "globalThis", "prototype", "length", "name"],
      ...["Object", "Array", "Uint8Array", "Promise", "String", "Number", "Boolean", "BigInt", "Symbol", "Error", "Date", "Map", "Set", "JSON", "Math"],
      ...["Record", "Partial", "AsyncIterable", "Iterable", "NoInfer", "Readonly", "Function"],
      ...Object.getOwnPropertyNames(Object.prototype),
      ...["toBinary", "toJson", "toJsonString", "equals", "clone", "typeName", "fromBinary", "fromJson", "fromJsonString"],
      ...["close", "waitForReady", "then", "catch", "finally"],
      ...["Message", "PartialMessage", "ScalarType", "LongType", "EnumType", "BinaryReader", "BinaryWriter", "FieldList", "FileInfo"],
      ...["fieldList", "initPartial", "fileInfo", "extensionInfo", "unknownEnum", "unknownEntry"],
      ...["Client", "CallContext", "CallOptions", "MethodDefinition", "ServiceDefinition", "RequestStream"],
    ]),
  ].filter((w) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(w));
}

/** Spellings that camelCase (fields, oneofs) or lowerCamelCase (methods) maps to one name, including onto escaped ones. */
export const collidingSpellings: readonly (readonly string[])[] = [
  ["CamelCase", "camelCase", "camel_case", "Camel_Case", "camel__case", "camel_case_", "_camel_case", "camel_Case", "CAMEL_CASE", "camelcase"],
  ["Ping", "ping", "PING", "p_ing", "P_ing"],
  ["to_string", "toString", "ToString", "to_String"],
  ["Close", "close", "CLOSE", "Then", "then", "Constructor", "constructor", "_constructor"],
  ["x_1", "x1", "X_1", "_x1"],
];

type FileInit = MessageInitShape<typeof FileDescriptorProtoSchema>;
type MessageInit = MessageInitShape<typeof DescriptorProtoSchema>;
type FieldInit = MessageInitShape<typeof FieldDescriptorProtoSchema>;
type MethodInit = MessageInitShape<typeof MethodDescriptorProtoSchema>;

const STRING = FieldDescriptorProto_Type.STRING;
const MESSAGE = FieldDescriptorProto_Type.MESSAGE;
const ENUM = FieldDescriptorProto_Type.ENUM;

function field(name: string, number: number, type = STRING, typeName = "", oneofIndex?: number): FieldInit {
  return {
    name,
    number,
    type,
    typeName,
    label: FieldDescriptorProto_Label.OPTIONAL,
    jsonName: protoCamelCase(name),
    ...(oneofIndex === undefined ? {} : { oneofIndex }),
  };
}

function file(name: string, pkg: string, parts: FileInit, dependency: string[] = []): FileDescriptorProto {
  return create(FileDescriptorProtoSchema, { name, package: pkg, syntax: "proto3", dependency, ...parts });
}

/**
 * Descriptors putting every word in every naming position (package, message, nested message, enum,
 * enum value, field, oneof, oneof member, service, method) and every colliding set of spellings among
 * the fields, oneofs and methods of one message or service. Message fields and method types refer
 * across files to the messages named by the words, so imports of escaped names are exercised too.
 * The JSON names are what protoc computes; colliding ones are left colliding, as
 * `json_format = LEGACY_BEST_EFFORT` allows.
 */
export function adversarialFiles(words: readonly string[]): FileDescriptorProto[] {
  const types = file("adv/types.proto", "adv.types", {
    messageType: words.map((w): MessageInit => ({
      name: w,
      field: [field("self", 1, MESSAGE, `.adv.types.${w}`), field("kind", 2, ENUM, `.adv.types.${w}.${w}.${w}`)],
      nestedType: [{ name: w, field: [field(w, 1)], enumType: [{ name: w, value: [{ name: `${w}_ZERO`, number: 0 }] }] }],
    })),
  });
  const enums = file("adv/enums.proto", "adv.enums", {
    enumType: [...words.map((w) => ({ name: w, value: [{ name: `Z_${w}`, number: 0 }] }))],
    messageType: [{ name: "Holder", enumType: [{ name: "Values", value: words.map((w, i) => ({ name: w, number: i })) }] }],
  });
  const fields = file(
    "adv/fields.proto",
    "adv.fields",
    {
      messageType: [
        { name: "Scalars", field: words.map((w, i) => field(w, i + 1)) },
        { name: "Messages", field: words.map((w, i) => field(w, i + 1, MESSAGE, `.adv.types.${w}`)) },
        { name: "Repeated", field: words.map((w, i) => ({ ...field(w, i + 1, ENUM, `.adv.enums.${w}`), label: FieldDescriptorProto_Label.REPEATED })) },
        { name: "OneofNames", oneofDecl: words.map((w) => ({ name: w })), field: words.map((w, i) => field(`m${i}`, i + 1, STRING, "", i)) },
        { name: "OneofMembers", oneofDecl: [{ name: "choice" }], field: words.map((w, i) => field(w, i + 1, MESSAGE, `.adv.types.${w}`, 0)) },
        ...collidingSpellings.map((spellings, c) => ({
          name: `Collide${c}`,
          oneofDecl: [{ name: spellings[0] + "Oneof" }, { name: spellings[1] + "_" }],
          field: [
            ...spellings.map((s, i) => field(s, i + 1)),
            ...spellings.map((s, i) => field(`${s}_oneof`, 100 + i, STRING, "", 0)),
            field(`${spellings[0]}_only`, 200, STRING, "", 1),
          ],
        })),
      ],
    },
    ["adv/types.proto", "adv/enums.proto"],
  );
  const rpc = (name: string, type: string, i: number): MethodInit => ({
    name,
    inputType: type,
    outputType: type,
    clientStreaming: i % 4 >= 2,
    serverStreaming: i % 2 === 1,
  });
  const services = file(
    "adv/services.proto",
    "adv.services",
    {
      service: [
        ...words.map((w, i) => ({ name: w, method: [rpc("Get", `.adv.types.${w}`, i)] })),
        { name: "Methods", method: words.map((w, i) => rpc(w, `.adv.types.${w}`, i)) },
        ...collidingSpellings.map((spellings, c) => ({ name: `Collide${c}`, method: spellings.map((s, i) => rpc(s, ".adv.types.Message", i)) })),
      ],
    },
    ["adv/types.proto"],
  );
  const packages = words.map((w, i) =>
    file(
      `adv/packages/p${i}.proto`, // by number: some words differ only in case
      `adv.${w}.v1`,
      {
        messageType: [{ name: "M", field: [field("m", 1, MESSAGE, `.adv.${w}.v1.M`), field("t", 2, MESSAGE, `.adv.types.${w}`)] }],
      },
      ["adv/types.proto"],
    ),
  );
  return [types, enums, fields, services, ...packages];
}
