/**
 * A server on the network meets peers that break the protocol. Each broken
 * stream gets an error status (or a reset), never reaches the handler, and
 * the server keeps serving everyone else.
 */
import * as net from "node:net";
import { Code } from "@tsgrpc/runtime/grpc";
import { EchoRequest } from "../../../testdata/gen/rpc/v1/echo_pb.js";
import { startEcho } from "./helpers.js";
import { connect, frame, grpcHeaders, rawCall } from "./faults-http2.js";

const path = "/rpc.v1.EchoService/Echo";
const valid = frame(new EchoRequest({ text: "ok" }).toBinary());

let handled = 0;
let echo: Awaited<ReturnType<typeof startEcho>>;
beforeAll(async () => {
  echo = await startEcho({
    async echo(request) {
      handled++;
      return { text: request.text };
    },
  });
});
afterAll(() => echo.stop());

/** The server still answers a well-formed call from the generated client. */
async function stillServing(): Promise<void> {
  expect((await echo.client.echo({ text: "still here" })).text).toBe("still here");
}

describe("protocol-violating streams from a raw HTTP/2 client", () => {
  const cases: [string, Record<string, string>, Buffer | undefined, Code][] = [
    ["an unknown method", grpcHeaders("/rpc.v1.EchoService/Nope") as Record<string, string>, valid, Code.UNIMPLEMENTED],
    ["bytes that are not an EchoRequest", grpcHeaders(path) as Record<string, string>, frame(Buffer.from([0xff, 0xff, 0xff])), Code.INTERNAL],
    ["the compressed flag without grpc-encoding", grpcHeaders(path) as Record<string, string>, frame(Buffer.from([1, 2]), { compressed: true }), Code.INTERNAL],
    [
      "an unsupported grpc-encoding",
      { ...(grpcHeaders(path) as Record<string, string>), "grpc-encoding": "brotli" },
      frame(Buffer.from([1]), { compressed: true }),
      Code.UNIMPLEMENTED,
    ],
    ["a malformed grpc-timeout", { ...(grpcHeaders(path) as Record<string, string>), "grpc-timeout": "soon" }, valid, Code.INTERNAL],
    // grpc-js answers a unary stream with no complete message UNIMPLEMENTED ("Received no request message"), odd but an error.
    ["a message cut short", grpcHeaders(path) as Record<string, string>, frame(Buffer.from([1, 2]), { length: 100 }), Code.UNIMPLEMENTED],
    ["half a length prefix", grpcHeaders(path) as Record<string, string>, Buffer.from([0, 0]), Code.UNIMPLEMENTED],
    ["no body at all", grpcHeaders(path) as Record<string, string>, undefined, Code.UNIMPLEMENTED],
    ["two messages to a unary method", grpcHeaders(path) as Record<string, string>, Buffer.concat([valid, valid]), Code.UNIMPLEMENTED],
    [
      "a length prefix claiming 4 GiB",
      grpcHeaders(path) as Record<string, string>,
      frame(Buffer.from([1, 2]), { length: 0xffffffff }),
      Code.RESOURCE_EXHAUSTED,
    ],
  ];

  test.each(cases)("%s: an error status, the handler never runs, the connection serves on", async (_, headers, body, code) => {
    const session = connect(echo.port);
    const before = handled;
    const answer = await rawCall(session, headers, body);
    expect(answer.grpcStatus).toBe(code);
    expect(handled).toBe(before);
    expect((await rawCall(session, grpcHeaders(path), valid)).grpcStatus).toBe(Code.OK);
    session.close();
  });

  test("a content-type other than application/grpc is refused with HTTP 415", async () => {
    const session = connect(echo.port);
    const answer = await rawCall(session, { ...grpcHeaders(path), "content-type": "text/plain" }, valid);
    expect(answer.status).toBe(415);
    session.close();
    await stillServing();
  });

  test("headers past the size limit: the stream is refused and the server serves on", async () => {
    const session = connect(echo.port);
    const answer = await rawCall(session, { ...grpcHeaders(path), "x-big": "a".repeat(100_000) }, valid);
    expect(answer.grpcStatus === undefined && answer.resetCode !== undefined).toBe(true);
    session.destroy();
    await stillServing();
  });

  test("a client that resets its stream right after the headers leaves nothing behind", async () => {
    const session = connect(echo.port);
    for (let i = 0; i < 200; i++) session.request(grpcHeaders(path), { endStream: false }).close(8 /* CANCEL */);
    expect((await rawCall(session, grpcHeaders(path), valid)).grpcStatus).toBe(Code.OK);
    session.close();
  });

  test("bytes that are not HTTP/2 at all close the connection, and the server serves on", async () => {
    const socket = net.connect(echo.port, "127.0.0.1");
    socket.on("error", () => undefined);
    socket.resume(); // read what the server says (its GOAWAY), or its close never arrives
    await new Promise((resolve) => socket.on("connect", resolve));
    socket.write(Buffer.concat([Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), Buffer.alloc(1000, 0xff)]));
    await new Promise((resolve) => socket.on("close", resolve));
    await stillServing();
  });
});
