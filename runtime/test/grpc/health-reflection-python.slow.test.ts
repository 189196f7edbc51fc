/**
 * Health and reflection clients that are neither Node nor protobuf-es: Python
 * grpcio checks health, and, with Google's protobuf descriptor pool (what
 * grpcurl-like tools do in Python), lists our services, loads the descriptors
 * we send into a fresh pool, builds request and response classes from them
 * and calls methods. Only the health and reflection protocols' own messages
 * are compiled (with Debian's protoc, which matches Debian's python3-protobuf).
 * Without Python grpcio the suite warns and is skipped, except in CI
 * (CI=true), where it fails.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Server } from "@tsgrpc/runtime/grpc";
import { EchoService } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { UserService } from "../../../testdata/gen/users/v1/user_service_grpc.js";

const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const protoc = "/usr/bin/protoc";
const missing =
  spawnSync(python, ["-c", "import grpc, google.protobuf"]).status !== 0
    ? `${python} cannot import grpc and google.protobuf (apt-get install python3-grpcio python3-protobuf)`
    : existsSync(protoc)
      ? undefined
      : `${protoc} not found (apt-get install protobuf-compiler)`;
if (missing && process.env.CI !== "true") console.warn(`\n!! Python health and reflection client tests SKIPPED: ${missing}\n`);
const suite = missing && process.env.CI !== "true" ? describe.skip : describe;

/** The client: argv = [stubs dir, target]; prints one JSON object. */
const CLIENT = String.raw`
import json, sys
import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
sys.path.insert(0, sys.argv[1])
from v1 import health_pb2 as h, reflection_pb2 as r

channel = grpc.insecure_channel(sys.argv[2])
info = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
    request_serializer=r.ServerReflectionRequest.SerializeToString,
    response_deserializer=r.ServerReflectionResponse.FromString)

def ask(*requests):
    return list(info(iter([r.ServerReflectionRequest(**q) for q in requests]), timeout=10))

pool = descriptor_pool.DescriptorPool()
loaded = set()

def load(symbol):
    [answer] = ask({"file_containing_symbol": symbol})
    files = {}
    for raw in answer.file_descriptor_response.file_descriptor_proto:
        fd = descriptor_pb2.FileDescriptorProto.FromString(raw)
        files[fd.name] = fd
    def add(name):  # the pool wants imports first
        if name in loaded: return
        for dep in files[name].dependency: add(dep)
        pool.Add(files[name])
        loaded.add(name)
    for name in files: add(name)

def message_class(desc):
    if hasattr(message_factory, "GetMessageClass"): return message_factory.GetMessageClass(desc)
    return message_factory.MessageFactory(pool).GetPrototype(desc)

def call(service, method, request):
    load(service)
    m = pool.FindServiceByName(service).FindMethodByName(method)
    req_class, res_class = message_class(m.input_type), message_class(m.output_type)
    stub = channel.unary_unary("/%s/%s" % (service, method), req_class.SerializeToString, res_class.FromString)
    return {"input": m.input_type.full_name, "output": m.output_type.full_name,
            "response": json_format.MessageToDict(stub(json_format.ParseDict(request, req_class()), timeout=10))}

check = channel.unary_unary("/grpc.health.v1.Health/Check", h.HealthCheckRequest.SerializeToString, h.HealthCheckResponse.FromString)
watch = channel.unary_stream("/grpc.health.v1.Health/Watch", h.HealthCheckRequest.SerializeToString, h.HealthCheckResponse.FromString)

def health(service):
    try:
        return h.HealthCheckResponse.ServingStatus.Name(check(h.HealthCheckRequest(service=service), timeout=10).status)
    except grpc.RpcError as e:
        return e.code().name

def first_watched(service):
    updates = watch(h.HealthCheckRequest(service=service), timeout=10)
    status = h.HealthCheckResponse.ServingStatus.Name(next(updates).status)
    updates.cancel()
    return status

unknown, listed = ask({"file_containing_symbol": "no.Such"}, {"list_services": ""})
print(json.dumps({
    "health": {name: health(name) for name in ["", "rpc.v1.EchoService", "no.Such"]},
    "watch": [first_watched("rpc.v1.EchoService"), first_watched("no.Such")],
    "services": [s.name for s in listed.list_services_response.service],
    "unknown": [unknown.error_response.error_code, unknown.error_response.error_message],
    "echo": call("rpc.v1.EchoService", "Echo", {"text": "from python"}),
    "user": call("users.v1.UserService", "GetUser", {"id": "u1"}),
}))
`;

suite("Python health and reflection clients with no .proto for our services", () => {
  let stubs: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    stubs = mkdtempSync(join(tmpdir(), "tsgrpc-py-reflection-"));
    // Compiled from their own directories so the modules are `v1.*_pb2`, clear of grpcio's `grpc` package.
    for (const [dir, file] of [
      ["health", "v1/health.proto"],
      ["reflection", "v1/reflection.proto"],
    ] as const) {
      const gen = spawnSync(protoc, [`-I${resolve(__dirname, "../../proto/grpc", dir)}`, `--python_out=${stubs}`, file], { encoding: "utf8" });
      if (gen.status !== 0) throw new Error(`protoc failed: ${gen.stderr}`);
    }
    server = new Server({ health: true, reflection: true })
      .add(EchoService, {
        async echo(r) {
          return { text: `echo: ${r.text}` };
        },
      })
      .add(UserService, {
        async getUser(r) {
          return { id: r.id, displayName: "Ada", updatedAt: { seconds: 1_700_000_000n } };
        },
      });
    port = await server.listen("127.0.0.1:0");
  });
  afterAll(() => {
    server?.forceShutdown();
    if (stubs) rmSync(stubs, { recursive: true, force: true });
  });

  it("checks health, watches it, lists services, gets NOT_FOUND for an unknown symbol on the same stream, and calls methods it learned from descriptors alone", async () => {
    // Async, so our server (in this process) can answer while Python runs.
    const out = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(python, ["-", stubs, `127.0.0.1:${port}`]);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("close", (status: number | null) => done({ status, stdout, stderr }));
      child.stdin.end(CLIENT);
    });
    expect(out.stderr).toBe("");
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(result.health).toEqual({ "": "SERVING", "rpc.v1.EchoService": "SERVING", "no.Such": "NOT_FOUND" });
    expect(result.watch).toEqual(["SERVING", "SERVICE_UNKNOWN"]);
    expect(result.services).toEqual(expect.arrayContaining(["rpc.v1.EchoService", "users.v1.UserService", "grpc.reflection.v1.ServerReflection"]));
    expect(result.unknown).toEqual([5, 'unknown symbol "no.Such"']);
    expect(result.echo).toEqual({ input: "rpc.v1.EchoRequest", output: "rpc.v1.EchoResponse", response: { text: "echo: from python" } });
    expect(result.user).toEqual({
      input: "users.v1.GetUserRequest",
      output: "users.v1.User",
      response: { id: "u1", displayName: "Ada", updatedAt: "2023-11-14T22:13:20Z" },
    });
  });
});
