/**
 * `_grpc.ts` generation: which files get one, what each service becomes, how
 * method names are escaped, and that a generated client is never a thenable.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { GlobalsClient, Globals } from "../../testdata/gen/collide/v1/globals_grpc";
import { EchoService } from "../../testdata/gen/rpc/v1/echo_grpc";
import { protoc, tempDir } from "./compilers";

function generate(opt: string, files: string[]): string {
  const out = tempDir();
  const r = protoc(out, `target=ts,import_extension=js${opt}`, files);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return out;
}

describe("which files get a _grpc.ts", () => {
  it("only files that declare services, and not with services=false", () => {
    const out = generate("", ["rpc/v1/echo.proto", "common/v1/common.proto"]);
    expect(existsSync(join(out, "rpc/v1/echo_grpc.ts"))).toBe(true);
    expect(existsSync(join(out, "common/v1/common_grpc.ts"))).toBe(false);
    const off = generate(",services=false", ["rpc/v1/echo.proto"]);
    expect(existsSync(join(off, "rpc/v1/echo_pb.ts"))).toBe(true);
    expect(existsSync(join(off, "rpc/v1/echo_grpc.ts"))).toBe(false);
  });
});

describe("a generated service", () => {
  const source = readFileSync(join(__dirname, "../../testdata/gen/rpc/v1/echo_grpc.ts"), "utf8");

  it("has a definition with proto names, HTTP/2 paths, kinds and message classes", () => {
    expect(EchoService.typeName).toBe("rpc.v1.EchoService");
    expect(Object.keys(EchoService.methods)).toEqual(["echo", "expand", "collect", "chat", "close$", "old"]);
    expect(EchoService.methods.collect).toMatchObject({ name: "Collect", path: "/rpc.v1.EchoService/Collect", kind: "client_streaming" });
    expect(EchoService.methods.collect.I.typeName).toBe("rpc.v1.EchoRequest");
    expect(EchoService.methods.collect.O.typeName).toBe("rpc.v1.CollectResponse");
    expect(Object.values(EchoService.methods).map((m) => m.kind)).toEqual([
      "unary",
      "server_streaming",
      "client_streaming",
      "bidi_streaming",
      "unary",
      "unary",
    ]);
  });

  it("exports the definition, the implementation interface and the client class, importing messages from _pb", () => {
    expect(source).toMatch(/^export const EchoService: ServiceDefinition<\{$/m);
    expect(source).toMatch(/^export interface EchoServiceImplementation \{$/m);
    expect(source).toMatch(/^export class EchoServiceClient extends Client \{$/m);
    expect(source).toContain('from "./echo_pb.js"');
    expect(source).toContain('from "@tsgrpc/runtime/grpc"');
  });

  it("types each call kind as the design says", () => {
    expect(source).toContain("echo(request: PartialMessage<EchoRequest>, options?: CallOptions): Promise<EchoResponse> {");
    expect(source).toContain("expand(request: PartialMessage<ExpandRequest>, options?: CallOptions): AsyncIterable<EchoResponse> {");
    expect(source).toContain("collect(requests: RequestStream<EchoRequest>, options?: CallOptions): Promise<CollectResponse> {");
    expect(source).toContain("chat(requests: RequestStream<EchoRequest>, options?: CallOptions): AsyncIterable<EchoResponse> {");
    expect(source).toContain("chat(requests: AsyncIterable<EchoRequest>, context: CallContext): AsyncIterable<EchoResponse | PartialMessage<EchoResponse>>;");
    expect(source).toContain(
      "collect(requests: AsyncIterable<EchoRequest>, context: CallContext): Promise<CollectResponse | PartialMessage<CollectResponse>>;",
    );
  });

  it("carries the proto comments as TSDoc, and deprecation", () => {
    expect(source).toContain("/**\n * Echoes requests back in all four call kinds.\n */\nexport const EchoService");
    expect(source).toContain("  /**\n   * Many requests, one summary.\n   */\n  collect(requests: RequestStream<EchoRequest>");
    expect(source).toContain("   * @deprecated\n   */\n  old(request: PartialMessage<EchoRequest>");
  });
});

describe("method names", () => {
  it("are escaped with $ where they would shadow client or Object members, or make the client thenable", () => {
    expect(Object.keys(Globals.methods)).toEqual(["close$", "then$", "constructor$", "toString$", "hasOwnProperty$", "waitForReady$"]);
    const client = new GlobalsClient("127.0.0.1:1");
    try {
      expect(typeof client.close).toBe("function");
      // eslint-disable-next-line @typescript-eslint/unbound-method -- compares the methods, calls neither
      expect(client.close).not.toBe(client.close$);
      // eslint-disable-next-line @typescript-eslint/unbound-method -- compares the methods, calls neither
      expect(client.waitForReady).not.toBe(client.waitForReady$);
      expect("then" in client).toBe(false);
      expect(client.constructor).toBe(GlobalsClient);
    } finally {
      client.close();
    }
  });

  it("awaiting a client gives the client (it is not a thenable)", async () => {
    const client = new GlobalsClient("127.0.0.1:1");
    try {
      // eslint-disable-next-line @typescript-eslint/await-thenable -- awaiting a non-thenable is what is tested
      expect(await client).toBe(client);
    } finally {
      client.close();
    }
  });
});

describe("runtime_import", () => {
  it("a relative runtime import reaches the grpc entry beside it", () => {
    const out = generate(",runtime_import=../runtime/src/index.js", ["rpc/v1/echo.proto"]);
    const source = readFileSync(join(out, "rpc/v1/echo_grpc.ts"), "utf8");
    expect(source).toContain('from "../../../runtime/src/grpc/index.js"');
  });
});
