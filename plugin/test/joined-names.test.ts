/**
 * Names that only clash once nested names are joined with `_`, or with the
 * names the plugin adds (file const, extension consts, service clients): the
 * less nested declaration, then the smaller full name, keeps the name; the
 * others get `$` (testdata/proto/collide/v1/joined.proto).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema, DescriptorProtoSchema, FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import type { DescriptorProto } from "@bufbuild/protobuf/wkt";
import { createRegistry } from "@tsgrpc/runtime";
import { Duo, DuoClient, DuoClient$, DuoClientClient } from "../../testdata/gen/collide/v1/joined_grpc";
import {
  A_B_C,
  A_B_C$,
  file_collide_v1_joined,
  file_collide_v1_joined$,
  Outer,
  Outer_ext$$extension,
  Outer_ext$extension,
  Outer_Inner,
  Outer_Inner$,
  Outer_Kind,
  Outer_Kind$,
  Outer_Kind$$type,
  Outer_Kind$type,
} from "../../testdata/gen/collide/v1/joined_pb";
import { JoinedUser } from "../../testdata/gen/collide/v1/joined_user_pb";
import { protocGenTsgrpc } from "../src/index";
import { runPlugin } from "../src/run";
import { root } from "./compilers";

describe("types whose joined names clash", () => {
  it("a top-level Outer_Inner keeps its name; the nested Outer.Inner becomes Outer_Inner$", () => {
    expect(Outer_Inner.typeName).toBe("collide.v1.Outer_Inner");
    expect(Outer_Inner$.typeName).toBe("collide.v1.Outer.Inner");
    const outer = Outer.fromBinary(new Outer({ inner: { a: "nested" } }).toBinary());
    expect(outer.inner).toBeInstanceOf(Outer_Inner$);
    expect(outer.inner?.a).toBe("nested");
  });

  it("enums and their EnumType consts follow the same rule", () => {
    expect(Outer_Kind$type.typeName).toBe("collide.v1.Outer_Kind");
    expect(Outer_Kind$$type.typeName).toBe("collide.v1.Outer.Kind");
    expect(Outer_Kind.OUTER_KIND_TOP).toBe(1);
    expect(Outer_Kind$.KIND_NESTED).toBe(1);
    expect(new Outer({ kind: Outer_Kind$.KIND_NESTED }).toJson()).toEqual({ kind: "KIND_NESTED" });
  });

  it("between two nested types at one depth, the smaller full name (A.B_C before A_B.C) keeps A_B_C", () => {
    expect(A_B_C.typeName).toBe("collide.v1.A.B_C");
    expect(A_B_C$.typeName).toBe("collide.v1.A_B.C");
  });

  it("a message named like the file const is escaped; the file const keeps its documented name", () => {
    expect(file_collide_v1_joined.kind).toBe("file");
    expect(file_collide_v1_joined.name).toBe("collide/v1/joined.proto");
    expect(file_collide_v1_joined$.typeName).toBe("collide.v1.file_collide_v1_joined");
    expect(file_collide_v1_joined.messages).toContain(file_collide_v1_joined$);
  });

  it("a file importing these types resolves the same escaped names", () => {
    const user = new JoinedUser({
      nested: { a: "n" },
      top: { b: 2 },
      nestedKind: Outer_Kind$.KIND_NESTED,
      topKind: Outer_Kind.OUTER_KIND_TOP,
      first: { x: 3 },
      second: { y: "4" },
      file: { top: { b: 5 }, nested: { a: "6" } },
    });
    const back = JoinedUser.fromBinary(user.toBinary());
    expect(back.equals(user)).toBe(true);
    expect(back.nested).toBeInstanceOf(Outer_Inner$);
    expect(back.top).toBeInstanceOf(Outer_Inner);
    expect(back.first).toBeInstanceOf(A_B_C);
    expect(back.second).toBeInstanceOf(A_B_C$);
    expect(back.file).toBeInstanceOf(file_collide_v1_joined$);
    expect(JoinedUser.fromJson(user.toJson()).equals(user)).toBe(true);
  });
});

describe("extension consts whose joined names clash", () => {
  it("the top-level Outer_ext keeps Outer_ext$extension; the nested Outer.ext gets Outer_ext$$extension", () => {
    expect(Outer_ext$extension.typeName).toBe("collide.v1.Outer_ext");
    expect(Outer_ext$$extension.typeName).toBe("collide.v1.Outer.ext");
    expect(file_collide_v1_joined.extensions).toEqual([Outer_ext$extension, Outer_ext$$extension]);
  });

  it("both stay usable for JSON through a registry", () => {
    const registry = createRegistry(file_collide_v1_joined);
    const json = { "[collide.v1.Outer.ext]": 7, "[collide.v1.Outer_ext]": "top" };
    const outer = Outer.fromJson(json, { registry });
    expect(outer.toJson({ registry })).toEqual(json);
  });
});

describe("service names that clash", () => {
  const source = readFileSync(join(root, "testdata/gen/collide/v1/joined_grpc.ts"), "utf8");

  it("a service named DuoClient keeps its definition name; Duo's client class becomes DuoClient$", () => {
    expect(DuoClient.typeName).toBe("collide.v1.DuoClient");
    expect(Duo.typeName).toBe("collide.v1.Duo");
    expect(source).toContain("/** A client for `collide.v1.Duo`. */\nexport class DuoClient$ extends Client {");
    expect(source).toContain("/** A client for `collide.v1.DuoClient`. */\nexport class DuoClientClient extends Client {");
    expect(typeof DuoClient$.prototype.get).toBe("function");
    expect(typeof DuoClientClient.prototype.get).toBe("function");
  });

  it("a message named like a client class (PairClient) is imported under an alias, not renamed", () => {
    expect(source).toMatch(/import \{[^}]*PairClient as PairClient\$1[^}]*\} from "\.\/joined_pb\.js";/);
    expect(source).toContain("export class PairClient extends Client {");
  });
});

describe("the rule does not depend on declaration order", () => {
  const inner = (name: string, nested: DescriptorProto[] = []) => create(DescriptorProtoSchema, { name, nestedType: nested });

  function generate(messageType: DescriptorProto[]): string {
    const file = create(FileDescriptorProtoSchema, { name: "x.proto", package: "x", syntax: "proto3", messageType });
    const req = create(CodeGeneratorRequestSchema, { fileToGenerate: ["x.proto"], protoFile: [file], parameter: "target=ts" });
    const res = fromBinary(CodeGeneratorResponseSchema, runPlugin(protocGenTsgrpc, toBinary(CodeGeneratorRequestSchema, req)));
    expect(res.error).toBe("");
    return res.file[0].content;
  }
  const classes = (code: string) =>
    [...code.matchAll(/export class (\S+) extends Message<\S+> \{\n {2}static readonly typeName = "([^"]+)"/g)].map((m) => `${m[2]} -> ${m[1]}`).sort();

  it("gives the same names whichever of Outer.Inner, Outer_Inner, A.B_C, A_B.C comes first", () => {
    const forward = [inner("Outer", [inner("Inner")]), inner("Outer_Inner"), inner("A", [inner("B_C")]), inner("A_B", [inner("C")])];
    const expected = [
      "x.A -> A",
      "x.A.B_C -> A_B_C",
      "x.A_B -> A_B",
      "x.A_B.C -> A_B_C$",
      "x.Outer -> Outer",
      "x.Outer.Inner -> Outer_Inner$",
      "x.Outer_Inner -> Outer_Inner",
    ];
    expect(classes(generate(forward))).toEqual(expected);
    expect(classes(generate([...forward].reverse()))).toEqual(expected);
  });
});
