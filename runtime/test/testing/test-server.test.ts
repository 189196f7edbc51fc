/**
 * testServer: a service implementation on a real server on a random
 * 127.0.0.1 port, generated clients for it, and disposal with `await using`.
 */
import { Code, Metadata, RpcError, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { testServer } from "@tsgrpc/runtime/testing";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { collect, echoBehaviour, rejection } from "../grpc/helpers.js";

it("serves the implementation to a generated client with production semantics (metadata, errors, codec)", async () => {
  await using t = await testServer(
    EchoService,
    {
      async echo(request, context) {
        context.setTrailer({ "x-seen": context.metadata.get("x-user") ?? "" });
        if (request.text === "bad") return { sequence: "not a bigint" as unknown as bigint };
        return { text: request.text.toUpperCase() };
      },
    },
    { server: { onError: () => undefined } },
  );
  const client = t.client(EchoServiceClient);
  expect(client).toBeInstanceOf(EchoServiceClient);
  let trailers: Metadata | undefined;
  expect((await client.echo({ text: "hi" }, { metadata: { "x-user": "ada" }, onTrailer: (m) => (trailers = m) })).text).toBe("HI");
  expect(trailers?.get("x-seen")).toBe("ada");
  // a response that cannot be encoded fails the call as it would in production
  expect((await rejection(client.echo({ text: "bad" }))).code).toBe(Code.INTERNAL);
  // methods the implementation leaves out answer UNIMPLEMENTED
  expect((await rejection(collect(client.expand({})))).code).toBe(Code.UNIMPLEMENTED);
});

it("passes server and client options through (interceptors on both sides)", async () => {
  // eslint-disable-next-line require-yield -- refuses before any response
  const refuse: ServerInterceptor = async function* () {
    throw new RpcError(Code.PERMISSION_DENIED, "no");
  };
  await using t = await testServer(EchoService, echoBehaviour, { server: { interceptors: [refuse] } });
  expect((await rejection(t.client(EchoServiceClient).echo({}))).code).toBe(Code.PERMISSION_DENIED);
});

it("await using stops the server and closes its clients at the end of the scope", async () => {
  let client!: EchoServiceClient;
  let address: string;
  {
    await using t = await testServer(EchoService, echoBehaviour);
    client = t.client(EchoServiceClient);
    address = t.address;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    await client.echo({ text: "x" });
  }
  expect((await rejection(client.echo({ text: "x" }))).code).toBe(Code.UNAVAILABLE);
  const fresh = new EchoServiceClient(address);
  try {
    expect((await rejection(fresh.echo({ text: "x" }, { timeoutMs: 2000 }))).code).toBe(Code.UNAVAILABLE);
  } finally {
    fresh.close();
  }
});
