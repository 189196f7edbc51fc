/**
 * stubClient: an instance of a generated client class answering from canned
 * responses, stream scripts or functions, type-checked against the service,
 * with no server.
 */
import { Code, RpcError, type ClientInterceptor } from "@tsgrpc/runtime/grpc";
import { stubClient } from "@tsgrpc/runtime/testing";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { EchoRequest, EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { collect, rejection } from "../grpc/helpers.js";

/** Code under test: takes the generated client as a dependency. */
async function shout(client: EchoServiceClient, text: string): Promise<string> {
  return (await client.echo({ text })).text.toUpperCase() + "!";
}

it("is an instance of the generated client class, answering with instances of the output type", async () => {
  const client = stubClient(EchoServiceClient, EchoService, { echo: { text: "canned" } });
  expect(client).toBeInstanceOf(EchoServiceClient);
  const response = await client.echo({ text: "ignored" });
  expect(response).toBeInstanceOf(EchoResponse);
  expect(response.text).toBe("canned");
  expect(await shout(client, "x")).toBe("CANNED!");
});

it("a function answers from the request (an instance of the input type) and the call's options", async () => {
  const seen: unknown[] = [];
  const client = stubClient(EchoServiceClient, EchoService, {
    echo: (request, options) => {
      seen.push(request, options.timeoutMs);
      return { text: `${request.text} back` };
    },
  });
  expect((await client.echo({ text: "hi" }, { timeoutMs: 5 })).text).toBe("hi back");
  expect(seen[0]).toBeInstanceOf(EchoRequest);
  expect(seen[1]).toBe(5);
});

it("an Error rejects the call with it; methods without a behaviour are UNIMPLEMENTED", async () => {
  const client = stubClient(EchoServiceClient, EchoService, { echo: new RpcError(Code.NOT_FOUND, "nope") });
  const error = await rejection(client.echo({}));
  expect(error).toBeInstanceOf(RpcError);
  expect([error.code, error.message]).toEqual([Code.NOT_FOUND, "nope"]);
  expect((await rejection(collect(client.expand({})))).message).toBe("stubClient: no behaviour for rpc.v1.EchoService.Expand");
});

it("stream scripts: messages in order, an Error ends the stream with it after the messages before it", async () => {
  const client = stubClient(EchoServiceClient, EchoService, {
    expand: [{ text: "a" }, { text: "b" }, new RpcError(Code.UNAVAILABLE, "gone")],
    chat: (requests) =>
      (async function* () {
        for await (const r of requests) yield { text: r.text + r.text };
      })(),
  });
  const received: string[] = [];
  const error = await rejection(
    (async () => {
      for await (const m of client.expand({})) received.push(m.text);
    })(),
  );
  expect(received).toEqual(["a", "b"]);
  expect(error.code).toBe(Code.UNAVAILABLE);
  expect((await collect(client.chat([{ text: "x" }, { text: "y" }]))).map((m) => m.text)).toEqual(["xx", "yy"]);
});

it("client streaming: a canned answer still reads the requests (a bad request fails as it would)", async () => {
  const client = stubClient(EchoServiceClient, EchoService, { collect: { count: 7 } });
  expect((await client.collect([{ text: "a" }])).count).toBe(7);
  expect(await rejection(client.collect([null as never]))).toBeInstanceOf(TypeError);
});

it("an aborted signal cancels the call; interceptors run around the stub", async () => {
  const log: string[] = [];
  const logging: ClientInterceptor = async function* (call, next) {
    log.push(call.method.name);
    yield* next(call);
  };
  const client = stubClient(EchoServiceClient, EchoService, { echo: {} }, { interceptors: [logging] });
  const controller = new AbortController();
  controller.abort();
  expect((await rejection(client.echo({}, { signal: controller.signal }))).code).toBe(Code.CANCELLED);
  await client.echo({});
  expect(log).toEqual(["Echo", "Echo"]);
});

// Behaviours are type-checked against the service: `tsc -p tsconfig.json` (the project's type check) fails if any line marked @ts-expect-error compiles.
export function wrongBehaviours(): void {
  stubClient(EchoServiceClient, EchoService, {
    // @ts-expect-error: EchoResponse has no field `count`
    echo: { count: 1 },
  });
  stubClient(EchoServiceClient, EchoService, {
    // @ts-expect-error: a unary method answers one message, not a script
    echo: [{ text: "a" }],
  });
  stubClient(EchoServiceClient, EchoService, {
    // @ts-expect-error: no such method
    shout: {},
  });
  stubClient(EchoServiceClient, EchoService, {
    // @ts-expect-error: Expand takes an ExpandRequest, not an EchoRequest
    expand: (request: EchoRequest) => [{ text: request.text }],
  });
}
