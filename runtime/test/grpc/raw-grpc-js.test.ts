/**
 * `toGrpcDefinition` gives grpc-js's own service definition: raw grpc-js
 * servers and generic clients work with the generated classes, and talk to
 * ours. Raw clients are also how hostile bytes reach our server.
 */
import * as grpc from "@grpc/grpc-js";
import { Code, toGrpcDefinition } from "@tsgrpc/runtime/grpc";
import { EchoRequest, EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { EchoService } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { eventually, startEcho } from "./helpers.js";

type GenericClient = grpc.Client & Record<string, (...args: unknown[]) => unknown>;

it("a raw grpc-js server serves the definition; a generic grpc-js client calls it with partial objects", async () => {
  const definition = toGrpcDefinition(EchoService);
  expect(Object.keys(definition)).toEqual(["echo", "expand", "collect", "chat", "close$", "old"]);
  expect(definition.expand).toMatchObject({ path: "/rpc.v1.EchoService/Expand", originalName: "Expand", requestStream: false, responseStream: true });

  const server = new grpc.Server();
  server.addService(definition, {
    echo(call: grpc.ServerUnaryCall<EchoRequest, EchoResponse>, callback: grpc.sendUnaryData<EchoResponse>) {
      expect(call.request).toBeInstanceOf(EchoRequest);
      callback(null, new EchoResponse({ text: call.request.text + "!" }));
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const Generic = grpc.makeGenericClientConstructor(definition, "EchoService");
  const client = new Generic(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as GenericClient;
  try {
    const response = await new Promise<EchoResponse>((resolve, reject) =>
      client.echo({ text: "raw" }, (e: Error | null, r: EchoResponse) => (e ? reject(e) : resolve(r))),
    );
    expect(response).toBeInstanceOf(EchoResponse);
    expect(response.text).toBe("raw!");
  } finally {
    client.close();
    server.forceShutdown();
  }
});

it("bytes that are not a valid request get a clear error and leave the server serving", async () => {
  let streamError: unknown;
  const echo = await startEcho({
    echo: async (request) => ({ text: request.text }),
    async collect(requests) {
      try {
        for await (const _ of requests);
      } catch (e) {
        streamError = e;
      }
      return {};
    },
  });
  const raw = new grpc.Client(`127.0.0.1:${echo.port}`, grpc.credentials.createInsecure());
  try {
    const garbage = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]); // field 1, length past the end
    const error = await new Promise<grpc.ServiceError>((resolve) =>
      raw.makeUnaryRequest(
        "/rpc.v1.EchoService/Echo",
        (b: Buffer) => b,
        (b: Buffer) => b,
        garbage,
        (e) => resolve(e!),
      ),
    );
    expect(error.code).toBe(Code.INTERNAL);
    expect(error.details).toMatch(/deserializ|decod|parse/i);
    // in a request stream: the call fails and the handler's request iterable throws instead of hanging
    const streamed = await new Promise<grpc.ServiceError>((resolve) => {
      const call = raw.makeClientStreamRequest(
        "/rpc.v1.EchoService/Collect",
        (b: Buffer) => b,
        (b: Buffer) => b,
        (e) => resolve(e!),
      );
      call.write(garbage);
      call.end();
    });
    expect(streamed.code).toBe(Code.INTERNAL);
    await eventually(() => streamError !== undefined);
    expect((await echo.client.echo({ text: "still here" })).text).toBe("still here");
  } finally {
    raw.close();
    await echo.stop();
  }
});
