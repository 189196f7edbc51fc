import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema, FileDescriptorSetSchema, type FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { protocGenTsgrpc } from "../src/index";
import { runPlugin } from "../src/run";
import { protoRoot, root, tempDir, wktInclude } from "./compilers";

/**
 * Every plugin option, run in-process on the request protoc would send for
 * users/v1/user_service.proto (a service, 64-bit fields, an import of another
 * fixture and of well-known types). protoc.slow.test.ts and buf.slow.test.ts show the
 * same errors reach users through the real compilers.
 */
const file = "users/v1/user_service.proto";
let protoFiles: FileDescriptorProto[];

beforeAll(() => {
  const set = join(tempDir(), "set.binpb");
  const r = spawnSync(
    join(root, "node_modules", ".bin", "protoc"),
    [`-I${protoRoot}`, `-I${wktInclude}`, "--include_imports", "--include_source_info", `--descriptor_set_out=${set}`, file],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  protoFiles = fromBinary(FileDescriptorSetSchema, readFileSync(set)).file;
});

/** The files the plugin writes for `parameter`, or the error it reports. */
function generate(parameter: string): { files: Map<string, string>; error?: string } {
  const request = create(CodeGeneratorRequestSchema, { parameter, fileToGenerate: [file], protoFile: protoFiles });
  const response = fromBinary(CodeGeneratorResponseSchema, runPlugin(protocGenTsgrpc, toBinary(CodeGeneratorRequestSchema, request)));
  return { files: new Map(response.file.map((f) => [f.name, f.content])), error: response.error || undefined };
}

function generated(parameter: string, name: string): string {
  const { files, error } = generate(parameter);
  expect(error).toBeUndefined();
  const content = files.get(name);
  if (content === undefined) throw new Error(`${name} not generated; got ${[...files.keys()].join(", ")}`);
  return content;
}

const names = (parameter: string) => [...generate(parameter).files.keys()].sort();
const pb = "users/v1/user_service_pb";
const grpc = "users/v1/user_service_grpc";

describe("plugin option target", () => {
  it("ts writes TypeScript only", () => {
    expect(names("target=ts")).toEqual([`${grpc}.ts`, `${pb}.ts`]);
  });

  it("defaults to js+dts, as every @bufbuild/protoplugin plugin does", () => {
    expect(names("")).toEqual([`${grpc}.d.ts`, `${grpc}.js`, `${pb}.d.ts`, `${pb}.js`]);
  }, 60_000);

  it("js+dts writes JavaScript and declarations that keep the classes' types", () => {
    const { files } = generate("target=js+dts");
    expect([...files.keys()].sort()).toEqual([`${grpc}.d.ts`, `${grpc}.js`, `${pb}.d.ts`, `${pb}.js`]);
    expect(files.get(`${pb}.d.ts`)).toContain("export declare class User extends Message<User> {");
    expect(files.get(`${pb}.d.ts`)).toContain("createdAtMs: bigint;");
    expect(files.get(`${grpc}.d.ts`)).toContain("export declare class UserServiceClient");
    // Typed in the TypeScript, since the transpiler does not resolve the runtime's declarations.
    expect(files.get(`${pb}.d.ts`)).toContain("export declare const file_users_v1_user_service: FileInfo;");
    expect(files.get(`${pb}.d.ts`)).toContain("static readonly $fields: FieldList;");
    expect(files.get(`${pb}.d.ts`)).not.toMatch(/: any\b/);
  }, 60_000);

  it("applies to one request only: the plugin serves a ts request after a js+dts one with TypeScript only", () => {
    expect(names("target=js+dts")).toHaveLength(4);
    expect(names("target=ts")).toEqual([`${grpc}.ts`, `${pb}.ts`]);
  }, 60_000);
});

describe("plugin option import_extension", () => {
  it.each([
    ["", 'from "../../common/v1/common_pb";'],
    ["import_extension=none", 'from "../../common/v1/common_pb";'],
    ["import_extension=js", 'from "../../common/v1/common_pb.js";'],
    ["import_extension=.js", 'from "../../common/v1/common_pb.js";'],
    ["import_extension=ts", 'from "../../common/v1/common_pb.ts";'],
  ])("%p gives relative imports like %s", (opt, line) => {
    expect(generated(["target=ts", opt].filter(Boolean).join(","), `${pb}.ts`)).toContain(line);
  });

  it("leaves package imports alone", () => {
    expect(generated("target=ts,import_extension=js", `${pb}.ts`)).toMatch(/ from "@tsgrpc\/runtime";/);
    expect(generated("target=ts,import_extension=js", `${grpc}.ts`)).toMatch(/ from "@tsgrpc\/runtime\/grpc";/);
  });
});

describe("plugin option js_import_style", () => {
  it("module (the default) writes ES modules", () => {
    const js = generated("target=js,js_import_style=module", `${pb}.js`);
    expect(js).toMatch(/^import \{[^}]*\bMessage\b[^}]*\} from "@tsgrpc\/runtime";$/m);
    expect(js).toContain("export class User extends Message {");
  }, 60_000);

  it("legacy_commonjs writes CommonJS", () => {
    const js = generated("target=js,js_import_style=legacy_commonjs", `${pb}.js`);
    expect(js).toContain('require("@tsgrpc/runtime")');
    expect(js).toContain("exports.User = User;");
    expect(js).not.toMatch(/^(import|export) /m);
  }, 60_000);
});

describe("plugin option long_type", () => {
  it("bigint (the default) types 64-bit integers as bigint", () => {
    const ts = generated("target=ts", `${pb}.ts`);
    expect(ts).toContain("createdAtMs = 0n;");
    expect(ts).toContain('bigAsString = "0";'); // [jstype = JS_STRING] wins
  });

  it("string types them as decimal strings", () => {
    const ts = generated("target=ts,long_type=string", `${pb}.ts`);
    expect(ts).toContain('createdAtMs = "0";');
    expect(ts).toContain('bigAsString = "0";');
  });
});

describe("plugin option services", () => {
  it("true (the default) writes _grpc.ts beside _pb.ts for files with services", () => {
    expect(names("target=ts,services=true")).toEqual([`${grpc}.ts`, `${pb}.ts`]);
  });

  it("false writes messages only", () => {
    expect(names("target=ts,services=false")).toEqual([`${pb}.ts`]);
  });
});

describe("plugin option runtime_import", () => {
  it("a package name is used as is, with /grpc for services", () => {
    expect(generated("target=ts,runtime_import=@acme/rt", `${pb}.ts`)).toMatch(/ from "@acme\/rt";/);
    expect(generated("target=ts,runtime_import=@acme/rt", `${grpc}.ts`)).toMatch(/ from "@acme\/rt\/grpc";/);
  });

  it("a relative path is relative to the output root, with grpc/index.js beside it for services", () => {
    expect(generated("target=ts,runtime_import=./rt/index.js,import_extension=js", `${pb}.ts`)).toMatch(/ from "\.\.\/\.\.\/rt\/index\.js";/);
    expect(generated("target=ts,runtime_import=./rt/index.js,import_extension=js", `${grpc}.ts`)).toMatch(/ from "\.\.\/\.\.\/rt\/grpc\/index\.js";/);
  });

  it("services import the module of the same file name in grpc/ (the runtime's own protos: grpc/codegen.js, not the barrel)", () => {
    const source = generated("target=ts,runtime_import=./rt/codegen.js,import_extension=js", `${grpc}.ts`);
    expect(source).toMatch(/ from "\.\.\/\.\.\/rt\/grpc\/codegen\.js";/);
    expect(source).not.toContain("grpc/index");
  });
});

describe("plugin option keep_empty_files", () => {
  it("is accepted; tsgrpc never writes an empty file (each _pb.ts embeds its descriptor)", () => {
    expect(names("target=ts,keep_empty_files=true")).toEqual(names("target=ts"));
  });
});

describe("spaces in the parameter", () => {
  it("are trimmed around keys, values and commas, and empty entries are dropped", () => {
    const spaced = generate(" target = ts , long_type= string,, services =false , ");
    expect(spaced.error).toBeUndefined();
    expect(spaced.files).toEqual(generate("target=ts,long_type=string,services=false").files);
    expect(spaced.files.get(`${pb}.ts`)).toContain('createdAtMs = "0";');
  });
});

describe("invalid parameters", () => {
  it.each([
    ["target=tsx", 'invalid value "tsx" for option "target" (expected ts, js or dts, or several joined with +)'],
    ["target=ts+jsx", 'invalid value "ts+jsx" for option "target" (expected ts, js or dts, or several joined with +)'],
    ["import_extension=mjs", 'invalid value "mjs" for option "import_extension" (expected none, js or ts)'],
    ["js_import_style=commonjs", 'invalid value "commonjs" for option "js_import_style" (expected module or legacy_commonjs)'],
    ["keep_empty_files=maybe", 'invalid value "maybe" for option "keep_empty_files" (expected true or false)'],
    ["long_type=number", 'invalid value "number" for option "long_type" (expected bigint or string)'],
    ["services=yes", 'invalid value "yes" for option "services" (expected true or false)'],
    ["services", 'invalid value "" for option "services" (expected true or false)'],
    ["runtime_import=", 'invalid value "" for option "runtime_import" (expected a module path)'],
    [
      "targt=ts",
      'unknown option "targt" (the options are target, import_extension, js_import_style, long_type, services, runtime_import, keep_empty_files, bootstrap_wkt, ts_nocheck, elide_plugin_version, rewrite_imports, map_imports)',
    ],
  ])("%s is reported as the response's error, naming what was expected", (opt, message) => {
    const { files, error } = generate(`target=ts,${opt}`);
    expect(error).toBe(`invalid option "${opt}": ${message}`);
    expect(files.size).toBe(0);
  });
});
