/**
 * gRPC A66 metrics: per-call client and server instruments with
 * `grpc.method`, `grpc.target` and `grpc.status`, message sizes as the
 * encoded protobuf bytes of each call.
 */
import { Code, RpcError } from "@tsgrpc/runtime/grpc";
import { clientTelemetry, serverTelemetry } from "@tsgrpc/runtime/otel";
import { testServer, type TestServer } from "@tsgrpc/runtime/testing";
import type { Histogram } from "@opentelemetry/sdk-metrics";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { CollectResponse, EchoRequest, EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { collect, echoBehaviour, rejection } from "../grpc/helpers.js";
import { telemetrySdk } from "./fixture.js";

let sdk: ReturnType<typeof telemetrySdk>;
let t: TestServer;
let client: EchoServiceClient;

beforeEach(async () => {
  sdk = telemetrySdk();
  t = await testServer(
    EchoService,
    {
      ...echoBehaviour,
      async echo(request) {
        if (request.text === "fail") throw new RpcError(Code.FAILED_PRECONDITION, "no");
        return { text: request.text };
      },
    },
    { server: { interceptors: [serverTelemetry(sdk.options)] }, client: { interceptors: [clientTelemetry(sdk.options)] } },
  );
  client = t.client(EchoServiceClient);
});
afterEach(() => t.close());

const bytes = (m: { toBinary(): Uint8Array }) => m.toBinary().length;
const histogram = (p: { value: unknown }) => p.value as Histogram;

it("unary: started counts, durations and the encoded sizes of request and response on both sides", async () => {
  await client.echo({ text: "hello" });
  await client.echo({ text: "hello" });
  const size = bytes(new EchoRequest({ text: "hello" }));
  expect(size).toBe(bytes(new EchoResponse({ text: "hello" })));
  const clientAttributes = { "grpc.method": "rpc.v1.EchoService/Echo", "grpc.target": `dns:///${t.address}`, "grpc.status": "OK" };

  const [started] = await sdk.points("grpc.client.attempt.started");
  expect(started).toMatchObject({ value: 2, attributes: { "grpc.method": "rpc.v1.EchoService/Echo", "grpc.target": `dns:///${t.address}` } });
  for (const name of ["grpc.client.attempt.duration", "grpc.client.call.duration"]) {
    const [point] = await sdk.points(name);
    expect(point.attributes).toEqual(clientAttributes);
    expect(histogram(point).count).toBe(2);
    expect(histogram(point).sum).toBeGreaterThan(0);
  }
  for (const name of ["grpc.client.attempt.sent_total_compressed_message_size", "grpc.client.attempt.rcvd_total_compressed_message_size"]) {
    const [point] = await sdk.points(name);
    expect(point.attributes).toEqual(clientAttributes);
    expect(histogram(point)).toMatchObject({ count: 2, sum: 2 * size, min: size, max: size });
  }

  const serverAttributes = { "grpc.method": "rpc.v1.EchoService/Echo", "grpc.status": "OK" };
  expect((await sdk.points("grpc.server.call.started"))[0]).toMatchObject({ value: 2, attributes: { "grpc.method": "rpc.v1.EchoService/Echo" } });
  const [duration] = await sdk.points("grpc.server.call.duration");
  expect(duration.attributes).toEqual(serverAttributes);
  expect(histogram(duration).count).toBe(2);
  for (const name of ["grpc.server.call.sent_total_compressed_message_size", "grpc.server.call.rcvd_total_compressed_message_size"]) {
    const [point] = await sdk.points(name);
    expect(point.attributes).toEqual(serverAttributes);
    expect(histogram(point)).toMatchObject({ count: 2, sum: 2 * size });
  }
});

it("streams: the sizes are the totals of every message of the call", async () => {
  const requests = [{ text: "a" }, { text: "bb" }, { text: "ccc" }];
  const summary = await client.collect(requests);
  const sent = requests.map((r) => bytes(new EchoRequest(r))).reduce((a, b) => a + b);
  const received = bytes(new CollectResponse({ count: summary.count, joined: summary.joined, totalBytes: summary.totalBytes }));
  expect(histogram((await sdk.points("grpc.client.attempt.sent_total_compressed_message_size"))[0]).sum).toBe(sent);
  expect(histogram((await sdk.points("grpc.client.attempt.rcvd_total_compressed_message_size"))[0]).sum).toBe(received);
  expect(histogram((await sdk.points("grpc.server.call.rcvd_total_compressed_message_size"))[0]).sum).toBe(sent);
  expect(histogram((await sdk.points("grpc.server.call.sent_total_compressed_message_size"))[0]).sum).toBe(received);

  const responses = await collect(client.expand({ count: 4, text: "x" }));
  const downloaded = responses.map((r) => bytes(r)).reduce((a, b) => a + b);
  const expandPoint = async (name: string) => (await sdk.points(name)).find((p) => p.attributes["grpc.method"] === "rpc.v1.EchoService/Expand")!;
  expect(histogram(await expandPoint("grpc.client.attempt.rcvd_total_compressed_message_size")).sum).toBe(downloaded);
  expect(histogram(await expandPoint("grpc.server.call.sent_total_compressed_message_size")).sum).toBe(downloaded);
});

it("a failed call is recorded under its status", async () => {
  await rejection(client.echo({ text: "fail" }));
  const statuses = async (name: string) => (await sdk.points(name)).map((p) => p.attributes["grpc.status"]);
  expect(await statuses("grpc.client.call.duration")).toEqual(["FAILED_PRECONDITION"]);
  expect(await statuses("grpc.server.call.duration")).toEqual(["FAILED_PRECONDITION"]);
});

it("metrics: false and traces: false turn each half off", async () => {
  const quiet = telemetrySdk();
  await using other = await testServer(EchoService, echoBehaviour, {
    server: { interceptors: [serverTelemetry({ ...quiet.options, metrics: false })] },
    client: { interceptors: [clientTelemetry({ ...quiet.options, traces: false })] },
  });
  await other.client(EchoServiceClient).echo({ text: "x" });
  expect(await quiet.points("grpc.server.call.duration")).toEqual([]);
  expect(await quiet.points("grpc.client.call.duration")).toHaveLength(1);
  const end = Date.now() + 5000;
  while (quiet.spans().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
  expect(quiet.spans().map((s) => s.kind)).toEqual([1]); // SpanKind.SERVER only
});
