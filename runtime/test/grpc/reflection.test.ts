/**
 * grpc.reflection.v1 and v1alpha served by `new Server({ reflection: true })`,
 * called with the runtime's own generated clients over loopback; then a
 * client that has no .proto and no generated code discovers a method and
 * calls it, as grpcurl does.
 */
import * as grpc from "@grpc/grpc-js";
import { create, createFileRegistry, fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { Code, reflectionV1, reflectionV1alpha, Server, ServerReflectionClient } from "@tsgrpc/runtime/grpc";
import type { PartialMessage } from "@tsgrpc/runtime";
import { reflectionService } from "../../src/grpc/reflection/reflection-service.js";
import { file_legacy_v1_legacy } from "../../../testdata/gen/legacy/v1/legacy_pb.js";
import { EchoService } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { UserService } from "../../../testdata/gen/users/v1/user_service_grpc.js";
import { collect } from "./helpers.js";

type Request = PartialMessage<reflectionV1.ServerReflectionRequest>;

let server: Server;
let target: string;
beforeAll(async () => {
  server = new Server({ health: true, reflection: true })
    .add(EchoService, {
      async echo(r) {
        return { text: `echo: ${r.text}` };
      },
    })
    .add(UserService, {
      async getUser(r) {
        return { id: r.id, displayName: "Ada", roles: ["admin"], createdAtMs: 42n };
      },
    });
  target = `127.0.0.1:${await server.listen("127.0.0.1:0")}`;
});
afterAll(() => server.forceShutdown());

const versions = [
  ["grpc.reflection.v1", reflectionV1.ServerReflectionClient],
  ["grpc.reflection.v1alpha", reflectionV1alpha.ServerReflectionClient],
] as const;

/** Sends `requests` on one reflection stream (half-closing after them) and returns every response. */
async function ask(Client: (typeof versions)[number][1], requests: Request[]) {
  const client = new Client(target);
  try {
    return await collect(client.serverReflectionInfo(requests, { timeoutMs: 10_000 }));
  } finally {
    client.close();
  }
}

/** The file names in a file_descriptor_response. */
function fileNames(response: reflectionV1.ServerReflectionResponse): string[] {
  if (response.messageResponse.case !== "fileDescriptorResponse") throw new Error(`expected files, got ${response.messageResponse.case}`);
  return response.messageResponse.value.fileDescriptorProto.map((bytes) => fromBinary(FileDescriptorProtoSchema, bytes).name);
}

describe.each(versions)("%s", (_, Client) => {
  it("lists every added service plus health and both reflection versions", async () => {
    const [response] = await ask(Client, [{ messageRequest: { case: "listServices", value: "" } }]);
    expect(response.messageResponse.case).toBe("listServicesResponse");
    const names = (response.messageResponse.value as reflectionV1.ListServiceResponse).service.map((s) => s.name);
    expect(names.sort()).toEqual(
      [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
        "rpc.v1.EchoService",
        "users.v1.UserService",
      ].sort(),
    );
  });

  it("returns a file by name with all its transitive dependencies, the file first", async () => {
    const [response] = await ask(Client, [{ messageRequest: { case: "fileByFilename", value: "users/v1/user_service.proto" } }]);
    const names = fileNames(response);
    expect(names[0]).toBe("users/v1/user_service.proto");
    expect(names.slice(1).sort()).toEqual(["common/v1/common.proto", "google/protobuf/timestamp.proto", "google/protobuf/wrappers.proto"]);
  });

  it.each([
    ["a service", "users.v1.UserService"],
    ["a method", "users.v1.UserService.GetUser"],
    ["a message", "users.v1.User"],
    ["a nested message", "users.v1.User.Preference"],
    ["an enum nested in a nested message", "users.v1.User.Preference.Level"],
    ["an enum value (scoped beside its enum)", "users.v1.STATUS_ACTIVE"],
    ["a field", "users.v1.User.display_name"],
    ["a oneof", "users.v1.User.contact"],
  ])("finds the file containing %s", async (_, symbol) => {
    const [response] = await ask(Client, [{ messageRequest: { case: "fileContainingSymbol", value: symbol } }]);
    expect(fileNames(response)[0]).toBe("users/v1/user_service.proto");
  });

  it("finds the files of imported types too, and of health and reflection themselves", async () => {
    const responses = await ask(Client, [
      { messageRequest: { case: "fileContainingSymbol", value: "common.v1.Address" } },
      { messageRequest: { case: "fileContainingSymbol", value: "google.protobuf.Timestamp" } },
      { messageRequest: { case: "fileContainingSymbol", value: "grpc.health.v1.Health.Watch" } },
      { messageRequest: { case: "fileContainingSymbol", value: "grpc.reflection.v1alpha.ServerReflection" } },
    ]);
    expect(responses.map((r) => fileNames(r)[0])).toEqual([
      "common/v1/common.proto",
      "google/protobuf/timestamp.proto",
      "grpc/health/v1/health.proto",
      "grpc/reflection/v1alpha/reflection.proto",
    ]);
  });

  it("answers an unknown name with a NOT_FOUND error response and keeps the stream open", async () => {
    const responses = await ask(Client, [
      { messageRequest: { case: "fileContainingSymbol", value: "users.v1.User.no_such_field" } },
      { messageRequest: { case: "fileByFilename", value: "nope.proto" } },
      { messageRequest: { case: "fileContainingSymbol", value: "rpc.v1.EchoService" } },
    ]);
    expect(responses.map((r) => r.messageResponse.case)).toEqual(["errorResponse", "errorResponse", "fileDescriptorResponse"]);
    expect(responses[0].messageResponse.value).toMatchObject({ errorCode: Code.NOT_FOUND, errorMessage: 'unknown symbol "users.v1.User.no_such_field"' });
    expect(responses[1].messageResponse.value).toMatchObject({ errorCode: Code.NOT_FOUND, errorMessage: 'unknown file "nope.proto"' });
  });

  it("answers an empty request with INVALID_ARGUMENT", async () => {
    const [response] = await ask(Client, [{}]);
    expect(response.messageResponse.value).toMatchObject({ errorCode: Code.INVALID_ARGUMENT });
  });

  it("echoes the host and the original request", async () => {
    const [response] = await ask(Client, [{ host: "api.example", messageRequest: { case: "listServices", value: "*" } }]);
    expect(response.validHost).toBe("api.example");
    expect(response.originalRequest?.messageRequest).toEqual({ case: "listServices", value: "*" });
  });
});

describe("a client with no .proto and no generated code", () => {
  /** Everything it learns comes from reflection: the descriptors of the file declaring `symbol`. */
  async function discover(symbol: string) {
    const responses = await ask(ServerReflectionClient, [{ messageRequest: { case: "fileContainingSymbol", value: symbol } }]);
    const file = responses[0].messageResponse;
    if (file.case !== "fileDescriptorResponse") throw new Error("no descriptors");
    // The answer comes first, then its imports (the order grpcurl relies on).
    const [answer, ...imports] = file.value.fileDescriptorProto.map((b) => fromBinary(FileDescriptorProtoSchema, b));
    return createFileRegistry(answer, (name) => imports.find((f) => f.name === name));
  }

  /** A raw grpc-js unary call with bytes in and bytes out. */
  function callRaw(path: string, request: Uint8Array): Promise<Uint8Array> {
    const client = new grpc.Client(target, grpc.credentials.createInsecure());
    const bytes = (b: Uint8Array) => Buffer.from(b);
    return new Promise<Uint8Array>((resolve, reject) => {
      client.makeUnaryRequest(
        path,
        bytes,
        (b: Buffer) => new Uint8Array(b),
        request,
        (error, response) => (error ? reject(error) : resolve(response!)),
      );
    }).finally(() => client.close());
  }

  async function invoke(serviceName: string, methodName: string, init: Record<string, unknown>) {
    const registry = await discover(serviceName);
    const method = registry.getService(serviceName)?.methods.find((m) => m.name === methodName);
    if (!method) throw new Error(`reflection did not describe ${serviceName}.${methodName}`);
    const request = toBinary(method.input, create(method.input, init));
    const response = fromBinary(method.output, await callRaw(`/${serviceName}/${methodName}`, request));
    return { method, response: response as Record<string, unknown> };
  }

  it("discovers EchoService.Echo's request and response types and calls it", async () => {
    const { method, response } = await invoke("rpc.v1.EchoService", "Echo", { text: "dynamic" });
    expect(method.input.typeName).toBe("rpc.v1.EchoRequest");
    expect(method.output.typeName).toBe("rpc.v1.EchoResponse");
    expect(response.text).toBe("echo: dynamic");
  });

  it("decodes a response whose type reaches imported files (common, well-known types)", async () => {
    const { method, response } = await invoke("users.v1.UserService", "GetUser", { id: "u1" });
    expect(method.output.fields.map((f) => f.name)).toEqual(expect.arrayContaining(["display_name", "address", "updated_at", "middle_name"]));
    expect(response).toMatchObject({ id: "u1", displayName: "Ada", roles: ["admin"], createdAtMs: 42n });
  });
});

describe("extensions (proto2), answered from the embedded descriptors", () => {
  // A definition with no methods is enough for reflection to index its file.
  const legacy = { typeName: "legacy.v1.Fixture", file: file_legacy_v1_legacy, methods: {} };
  const answer = async (request: Request) => {
    // Cast: tsc sees the fixture's runtime types from dist/ and reflectionService's from src/.
    const service = reflectionService(() => [legacy as never]);
    const [response] = await collect(service.serverReflectionInfo([new reflectionV1.ServerReflectionRequest(request)] as never, undefined as never));
    return new reflectionV1.ServerReflectionResponse(response).messageResponse;
  };

  it("finds the file declaring an extension, top-level or nested", async () => {
    for (const extensionNumber of [100, 101, 150]) {
      const response = await answer({ messageRequest: { case: "fileContainingExtension", value: { containingType: "legacy.v1.Legacy", extensionNumber } } });
      expect(response.case).toBe("fileDescriptorResponse");
    }
    const unknown = await answer({ messageRequest: { case: "fileContainingExtension", value: { containingType: "legacy.v1.Legacy", extensionNumber: 102 } } });
    expect(unknown.value).toMatchObject({ errorCode: Code.NOT_FOUND });
  });

  it("lists the extension numbers of a message type; an unknown type is NOT_FOUND", async () => {
    const numbers = await answer({ messageRequest: { case: "allExtensionNumbersOfType", value: "legacy.v1.Legacy" } });
    expect(numbers.case).toBe("allExtensionNumbersResponse");
    expect(numbers.value).toMatchObject({ baseTypeName: "legacy.v1.Legacy" });
    expect([...(numbers.value as reflectionV1.ExtensionNumberResponse).extensionNumber].sort()).toEqual([100, 101, 150]);
    const unknown = await answer({ messageRequest: { case: "allExtensionNumbersOfType", value: "legacy.v1.Nope" } });
    expect(unknown.value).toMatchObject({ errorCode: Code.NOT_FOUND });
  });

  it("finds extensions by name like any other symbol", async () => {
    expect((await answer({ messageRequest: { case: "fileContainingSymbol", value: "legacy.v1.legacy_extra" } })).case).toBe("fileDescriptorResponse");
    expect((await answer({ messageRequest: { case: "fileContainingSymbol", value: "legacy.v1.Holder.holder_ext" } })).case).toBe("fileDescriptorResponse");
  });
});
