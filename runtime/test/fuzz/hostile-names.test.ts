/**
 * The plugin-robustness fixtures do not only compile (plugin/test/typecheck
 * checks testdata/gen under strict): they work. Names that collide with
 * JavaScript, the generated classes and the client; deep, recursive and wide
 * messages; types reached across packages and directories.
 */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { Server } from "@tsgrpc/runtime/grpc";
import { Array$, Error$, Promise$, Statics } from "../../../testdata/gen/collide/v1/globals_pb.js";
import { Globals, GlobalsClient } from "../../../testdata/gen/collide/v1/globals_grpc.js";
import { L1, L1_L2_L3_L4_L5_L6_L7_L8_L9_L10, Ping, Tree } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Wide } from "../../../testdata/gen/hostile/v1/wide_pb.js";
import { NodeId } from "../../../testdata/gen/hostile/shared/v2/ids_pb.js";
import { Address } from "../../../testdata/gen/common/v1/common_pb.js";

describe("a service whose methods are named close, then, constructor, toString and hasOwnProperty", () => {
  let server: Server;
  let client: GlobalsClient;
  beforeAll(async () => {
    server = new Server().add(Globals, {
      close$: async (p) => ({ length: p.then.length }),
      then$: async (p) => ({ message: `${p.then}/${p.catch}/${p.finally}`, cause: { name: "inner" } }),
      constructor$: async (s) => s,
      async *toString$(a) {
        for (const p of a.push) yield { message: p.then };
      },
      async hasOwnProperty$(requests) {
        const names: string[] = [];
        for await (const s of requests) names.push(s.typeName);
        return { fields: names.join(",") };
      },
    });
    client = new GlobalsClient(`127.0.0.1:${await server.listen("127.0.0.1:0")}`);
  });
  afterAll(() => {
    client.close();
    server.forceShutdown();
  });

  test("the client is not a thenable: awaiting it gives the client", async () => {
    expect(await Promise.resolve(client)).toBe(client);
  });

  test("every escaped method calls its RPC", async () => {
    expect((await client.close$({ then: "abc" })).length).toBe(3);
    const error = await client.then$({ then: "t", catch: "c", finally: "f" });
    expect(error).toBeInstanceOf(Error$);
    expect(error).not.toBeInstanceOf(Error);
    expect([error.message, error.cause?.name]).toEqual(["t/c/f", "inner"]);
    const statics = await client.constructor$({ typeName: "x.Y", fields: "f", fromBinary: "b", prototype: "p", toJsonString$: "j" });
    expect(statics).toBeInstanceOf(Statics);
    expect(Statics.typeName).toBe("collide.v1.Statics");
    expect([statics.typeName, statics.fields, statics.fromBinary, statics.prototype, statics.toJsonString$]).toEqual(["x.Y", "f", "b", "p", "j"]);
    expect(typeof statics.toJsonString).toBe("function");
    const streamed: string[] = [];
    for await (const e of client.toString$({ push: [{ then: "1" }, { then: "2" }] })) streamed.push(e.message);
    expect(streamed).toEqual(["1", "2"]);
    expect((await client.hasOwnProperty$([{ typeName: "a" }, { typeName: "b" }])).fields).toBe("a,b");
    expect(Object.prototype.hasOwnProperty.call({ a: 1 }, "a")).toBe(true);
  });

  test("messages named Promise, Array and Error are ordinary messages", () => {
    const p = new Promise$({ then: "a" });
    expect(p).not.toBeInstanceOf(Promise);
    expect(Promise$.fromJson({ then: "x", catch: "y", finally: "z" }).toJson()).toEqual({ then: "x", catch: "y", finally: "z" });
    expect(Array$.fromBinary(new Array$({ length: 7, push: [p] }).toBinary()).push[0]?.then).toBe("a");
    expect(Array.isArray([])).toBe(true);
  });
});

describe("deep, recursive, wide and cross-package messages", () => {
  test("ten levels of nested types reach back to the root", () => {
    const bottom = new L1_L2_L3_L4_L5_L6_L7_L8_L9_L10({ deepest: "here", root: { shortcut: { deepest: "again" } } });
    const l1 = new L1({ next: { next: { next: { next: { next: { next: { next: { next: { next: bottom } } } } } } } }, shortcut: bottom });
    const back = L1.fromBinary(l1.toBinary());
    expect(back.next?.next?.next?.next?.next?.next?.next?.next?.next?.deepest).toBe("here");
    expect(back.shortcut?.root?.shortcut?.deepest).toBe("again");
    expect(L1.fromJsonString(l1.toJsonString()).equals(l1)).toBe(true);
  });

  test("mutual recursion and a message reached through two other packages", () => {
    const ping = new Ping({ hops: 1, pong: { trail: [-1n], ping: { hops: 2 } } });
    expect(Ping.fromBinary(ping.toBinary()).pong?.ping?.hops).toBe(2);
    const tree = new Tree({ id: { value: "n1", locatedAt: { city: "Lyon" }, aliases: [{ value: "n0" }] } });
    const back = Tree.fromBinary(tree.toBinary());
    expect(back.id).toBeInstanceOf(NodeId);
    expect(back.id?.locatedAt).toBeInstanceOf(Address);
    expect(back.id?.locatedAt?.city).toBe("Lyon");
  });

  test("500 fields, the last at the highest field number, all set", () => {
    const wide = new Wide();
    const fields = Wide.$fields.list;
    expect(fields).toHaveLength(500);
    wide.f14 = "fourteen";
    wide.f499 = true;
    wide.last = "end";
    const bytes = wide.toBinary();
    // Field 536870911, wire type 2: the largest tag, five bytes.
    expect(Buffer.from(bytes).includes(Buffer.from([0xfa, 0xff, 0xff, 0xff, 0x0f]))).toBe(true);
    const back = Wide.fromBinary(bytes);
    expect([back.f14, back.f499, back.last]).toEqual(["fourteen", true, "end"]);
    expect(Wide.fromJson(wide.toJson()).equals(wide)).toBe(true);
    expect(fields.map((f) => f.no)).toEqual([...Array.from({ length: 499 }, (_, i) => i + 1), 536870911]);
  });
});

test("decoding a deeply nested type is typed as that type, not Message<any>", () => {
  const root = join(__dirname, "..", "..", "..");
  const file = join(mkdtempSync(join(tmpdir(), "tsgrpc-types-")), "check.ts");
  writeFileSync(
    file,
    `import { L1, L1_L2 } from ${JSON.stringify(join(root, "testdata/gen/hostile/v1/tree_pb.js"))};
     export const depth: string | undefined = L1.fromBinary(new Uint8Array()).next?.next?.next?.next?.next?.next?.next?.next?.next?.deepest;
     export const json: L1_L2["next"] = L1_L2.fromJson({}).next;
     export const text: L1["shortcut"] = L1.fromJsonString("{}").shortcut;`,
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    baseUrl: root,
    paths: { "@tsgrpc/runtime": ["runtime/src/index.ts"] },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(diagnostics).toEqual([]);
});
