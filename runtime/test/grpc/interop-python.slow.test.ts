/**
 * Cross-language proof against a real non-Node gRPC implementation, Python
 * grpcio (Debian's python3-grpcio, stubs generated at test time with Debian's
 * protoc and grpc_python_plugin): our client against its server and its
 * client against our server, for all four call kinds, metadata, deadlines and
 * status details. Without Python grpcio this suite warns loudly and is
 * skipped, except in CI (CI=true), where it fails.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Code, ErrorInfo, Metadata, RpcError, Server } from "@tsgrpc/runtime/grpc";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { aborted, collect, echoBehaviour, eventually, rejection } from "./helpers.js";

const root = resolve(__dirname, "../../..");
const scripts = join(__dirname, "interop");

/** Debian's tools: its protoc matches its python3-protobuf (a newer protoc's output would not import). */
function findPeer(): { python: string; protoc: string; plugin: string } | string {
  const python = process.env.PYTHON ?? (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
  if (spawnSync(python, ["-c", "import grpc, google.protobuf"]).status !== 0)
    return `${python} cannot import grpc and google.protobuf (apt-get install python3-grpcio python3-protobuf)`;
  const plugin = spawnSync("sh", ["-c", "command -v grpc_python_plugin"], { encoding: "utf8" }).stdout.trim();
  if (!plugin) return "grpc_python_plugin not found (apt-get install protobuf-compiler-grpc)";
  const protoc = join(dirname(plugin), "protoc");
  if (!existsSync(protoc)) return `${protoc} not found (apt-get install protobuf-compiler)`;
  return { python, protoc, plugin };
}

const peer = findPeer();
const ci = process.env.CI === "true";
if (typeof peer === "string" && !ci) {
  console.warn(`\n${"!".repeat(78)}\n!! Python grpcio interop tests SKIPPED: ${peer}\n${"!".repeat(78)}\n`);
}
const suite = typeof peer === "string" && !ci ? describe.skip : describe;

jest.setTimeout(60_000);

suite("interop with Python grpcio", () => {
  let stubs: string;
  let tools: { python: string; protoc: string; plugin: string };

  beforeAll(() => {
    if (typeof peer === "string") throw new Error(`Python grpcio interop cannot run in CI: ${peer}`);
    tools = peer;
    stubs = mkdtempSync(join(tmpdir(), "tsgrpc-py-"));
    const protoc = spawnSync(
      tools.protoc,
      [
        `-I${root}/testdata/proto`,
        `-I${root}/runtime/proto`,
        "-I/usr/include",
        `--python_out=${stubs}`,
        `--grpc_python_out=${stubs}`,
        `--plugin=protoc-gen-grpc_python=${tools.plugin}`,
        "rpc/v1/echo.proto",
        "google/rpc/status.proto",
        "google/rpc/error_details.proto",
      ],
      { encoding: "utf8" },
    );
    if (protoc.status !== 0) throw new Error(`generating Python stubs failed: ${protoc.stderr}`);
  });
  afterAll(() => rmSync(stubs, { recursive: true, force: true }));

  describe("our client, Python's server", () => {
    let python: ChildProcess;
    let client: EchoServiceClient;

    beforeAll(async () => {
      python = spawn(tools.python, [join(scripts, "echo_server.py"), stubs], { stdio: ["ignore", "pipe", "inherit"] });
      const port = await new Promise<number>((resolvePort, reject) => {
        let out = "";
        python.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /PORT (\d+)/.exec(out);
          if (m) resolvePort(Number(m[1]));
        });
        python.on("exit", (code) => reject(new Error(`Python server exited with ${code}`)));
      });
      client = new EchoServiceClient(`127.0.0.1:${port}`);
    });
    afterAll(() => {
      client?.close();
      python?.kill();
    });

    it("unary, with request metadata, response headers and trailers (text and binary)", async () => {
      let headers: Metadata | undefined;
      let trailers: Metadata | undefined;
      const response = await client.echo(
        { text: "ts", payload: new Uint8Array([0, 255]), sequence: -5n },
        {
          timeoutMs: 10_000,
          metadata: { "x-tag": "from-ts", "x-blob-bin": new Uint8Array([1, 2]) },
          onHeader: (md) => (headers = md),
          onTrailer: (md) => (trailers = md),
        },
      );
      expect(response.text).toBe("ts|deadline=10"); // seconds left, rounded up
      expect(response.payload).toEqual(new Uint8Array([0, 255]));
      expect(response.sequence).toBe(-5n);
      expect(headers!.get("x-python-header")).toBe("hello");
      expect(trailers!.get("x-echo-tag")).toBe("from-ts");
      expect(trailers!.get("x-echo-bin")).toEqual(new Uint8Array([1, 2]));
      expect((await client.echo({ text: "no" })).text).toBe("no|deadline=none");
    });

    it("server streaming", async () => {
      expect((await collect(client.expand({ text: "e", count: 3 }))).map((r) => [r.text, r.sequence])).toEqual([
        ["e#0", 0n],
        ["e#1", 1n],
        ["e#2", 2n],
      ]);
    });

    it("client streaming", async () => {
      const summary = await client.collect([
        { text: "a", payload: new Uint8Array(2) },
        { text: "b", payload: new Uint8Array(1) },
      ]);
      expect([summary.count, summary.joined, summary.totalBytes]).toEqual([2, "a,b", 3n]);
    });

    it("bidi streaming", async () => {
      expect((await collect(client.chat([{ text: "x" }, { text: "y" }, { text: "z" }]))).map((r) => r.text)).toEqual(["X", "Y", "Z"]);
    });

    it("status with typed details (google.rpc.Status in grpc-status-details-bin)", async () => {
      const error = await rejection(client.echo({ text: "fail" }));
      expect(error).toBeInstanceOf(RpcError);
      expect(error.code).toBe(Code.FAILED_PRECONDITION);
      expect(error.message).toBe("python says no");
      const [info] = error.findDetails(ErrorInfo);
      expect([info.reason, info.domain, info.metadata]).toEqual(["PY_REASON", "python.example", { k: "v" }]);
    });

    it("deadline: the Python handler outlives it, our call fails with DEADLINE_EXCEEDED", async () => {
      expect((await rejection(client.echo({ text: "sleep" }, { timeoutMs: 300 }))).code).toBe(Code.DEADLINE_EXCEEDED);
    });
  });

  describe("Python's client, our server", () => {
    let server: Server;
    let port: number;
    let sleepReason: unknown;

    beforeAll(async () => {
      server = new Server().add(EchoService, {
        ...echoBehaviour,
        async echo(request, context) {
          context.sendHeader({ "x-ts-header": "hi" });
          context.setTrailer({ "x-echo-tag": context.metadata.get("x-tag") ?? "", "x-echo-bin": context.metadata.get("x-blob-bin") ?? new Uint8Array() });
          if (request.text === "fail") {
            throw new RpcError(Code.FAILED_PRECONDITION, "ts says no", {
              details: [new ErrorInfo({ reason: "TS_REASON", domain: "ts.example", metadata: { k: "v" } })],
              trailers: { "x-ts-trailer": "t" },
            });
          }
          if (request.text === "sleep") {
            sleepReason = await aborted(context.signal);
            return {};
          }
          return echoBehaviour.echo(request, context);
        },
      });
      port = await server.listen("127.0.0.1:0");
    });
    afterAll(() => server?.forceShutdown());

    it("all four call kinds, metadata, status details and a deadline", async () => {
      // async spawn: our server runs in this very process and must keep serving
      const result = await new Promise<string>((resolveOut, reject) => {
        const child = spawn(tools.python, [join(scripts, "echo_client.py"), stubs, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        const timer = setTimeout(() => child.kill(), 30_000);
        child.on("exit", (code) => {
          clearTimeout(timer);
          if (code === 0) resolveOut(out);
          else reject(new Error(`Python client exited with ${code}: ${out}`));
        });
      });
      expect(JSON.parse(result)).toEqual({
        unary: { text: "py", payload: [0, 255], sequence: -5, header: "hi", trailerTag: "from-python", trailerBin: [1, 2] },
        serverStreaming: ["e#0", "e#1", "e#2"],
        clientStreaming: { count: 2, joined: "a,b", totalBytes: 3 },
        bidi: ["X", "Y", "Z"],
        error: {
          code: "FAILED_PRECONDITION",
          message: "ts says no",
          statusCode: 9,
          details: [{ reason: "TS_REASON", domain: "ts.example", metadata: { k: "v" } }],
          trailer: "t",
        },
        deadline: "DEADLINE_EXCEEDED",
      });
      await eventually(() => sleepReason !== undefined);
      expect((sleepReason as RpcError).code).toBe(Code.DEADLINE_EXCEEDED);
    });
  });
});
