/**
 * Server lifecycle and limits: listen, graceful and forced shutdown, message
 * size limits on both sides, per-client compression (proven by the bytes on
 * the wire), channel options passed through.
 */
import * as net from "node:net";
import { Code, RpcError, Server } from "@tsgrpc/runtime/grpc";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { aborted, eventually, rejection, startEcho } from "./helpers.js";

describe("listen", () => {
  it("resolves to the bound port; a taken port rejects", async () => {
    const server = new Server().add(EchoService, { echo: async () => ({ text: "ok" }) });
    const port = await server.listen("127.0.0.1:0");
    expect(port).toBeGreaterThan(0);
    const other = new Server();
    try {
      await expect(other.listen(`127.0.0.1:${port}`)).rejects.toThrow();
    } finally {
      other.forceShutdown();
      server.forceShutdown();
    }
  });
});

describe("shutdown", () => {
  it("graceful: refuses new calls, lets in-flight calls finish", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const echo = await startEcho({
      async echo() {
        started();
        await gate;
        return { text: "finished" };
      },
    });
    try {
      const inFlight = echo.client.echo({});
      await running;
      const stopped = echo.server.shutdown();
      // a fresh client cannot start a call any more
      const late = new EchoServiceClient(`127.0.0.1:${echo.port}`);
      expect((await rejection(late.echo({}, { timeoutMs: 2000 }))).code).toBe(Code.UNAVAILABLE);
      late.close();
      release();
      expect((await inFlight).text).toBe("finished");
      await stopped;
    } finally {
      await echo.stop();
    }
  });

  it("graceMs: calls still running after the grace period are cancelled", async () => {
    let reason: unknown;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const echo = await startEcho({
      async echo(_request, context) {
        started();
        reason = await aborted(context.signal);
        return {};
      },
    });
    try {
      const inFlight = rejection(echo.client.echo({}));
      // Shutting down before the call reaches its handler would refuse it instead (a loaded machine can take 100 ms).
      await running;
      const before = Date.now();
      await echo.server.shutdown({ graceMs: 200 });
      expect(Date.now() - before).toBeGreaterThanOrEqual(150);
      expect((await inFlight).code).toBe(Code.CANCELLED);
      await eventually(() => reason !== undefined);
      expect((reason as RpcError).code).toBe(Code.CANCELLED);
    } finally {
      await echo.stop();
    }
  });

  it("forceShutdown cancels in-flight calls at once", async () => {
    const echo = await startEcho({
      async *expand(_request, context) {
        yield { text: "first" };
        await aborted(context.signal);
      },
    });
    try {
      const got: string[] = [];
      const error = await rejection(
        (async () => {
          for await (const r of echo.client.expand({})) {
            got.push(r.text);
            echo.server.forceShutdown();
          }
        })(),
      );
      expect(got).toEqual(["first"]);
      expect([Code.CANCELLED, Code.UNAVAILABLE]).toContain(error.code);
    } finally {
      await echo.stop();
    }
  });
});

describe("message size limits", () => {
  it("a request over the server's maxReceiveMessageBytes answers RESOURCE_EXHAUSTED without calling the handler", async () => {
    let called = 0;
    const echo = await startEcho(
      {
        async echo() {
          called++;
          return {};
        },
      },
      { server: { maxReceiveMessageBytes: 1000 } },
    );
    try {
      expect((await echo.client.echo({ payload: new Uint8Array(900) })).text).toBe("");
      const error = await rejection(echo.client.echo({ payload: new Uint8Array(2000) }));
      expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
      expect(called).toBe(1);
    } finally {
      await echo.stop();
    }
  });

  it("a response over the client's maxReceiveMessageBytes fails with RESOURCE_EXHAUSTED", async () => {
    const echo = await startEcho(
      { echo: async (request) => ({ payload: new Uint8Array(request.sequence > 0n ? 5000 : 10) }) },
      { client: { maxReceiveMessageBytes: 1000 } },
    );
    try {
      expect((await echo.client.echo({})).payload.length).toBe(10);
      expect((await rejection(echo.client.echo({ sequence: 1n }))).code).toBe(Code.RESOURCE_EXHAUSTED);
    } finally {
      await echo.stop();
    }
  });

  it("maxSendMessageBytes limits what each side sends", async () => {
    const echo = await startEcho(
      { echo: async (request) => ({ payload: new Uint8Array(request.sequence > 0n ? 5000 : 10) }) },
      { client: { maxSendMessageBytes: 1000 }, server: { maxSendMessageBytes: 1000 } },
    );
    try {
      expect((await rejection(echo.client.echo({ payload: new Uint8Array(2000) }))).code).toBe(Code.RESOURCE_EXHAUSTED);
      expect((await rejection(echo.client.echo({ sequence: 1n }))).code).toBe(Code.RESOURCE_EXHAUSTED);
    } finally {
      await echo.stop();
    }
  });

  it("bad limits are refused with a RangeError", () => {
    expect(() => new Server({ maxReceiveMessageBytes: -1 })).toThrow(RangeError);
    expect(() => new EchoServiceClient("127.0.0.1:1", undefined, { maxSendMessageBytes: 1.5 })).toThrow(RangeError);
    expect(() => new EchoServiceClient("127.0.0.1:1", undefined, { compression: "br" as never })).toThrow(RangeError);
  });
});

/** A TCP relay to `port` that counts the bytes clients send through it. */
async function countingProxy(port: number): Promise<{ port: number; sent(): number; close(): void }> {
  let bytes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, "127.0.0.1");
    sockets.add(client).add(upstream);
    client.on("data", (d) => (bytes += d.length));
    client.pipe(upstream).pipe(client);
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    sent: () => bytes,
    close() {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe("compression", () => {
  it.each(["gzip", "deflate"] as const)("%s compresses every request of the client (fewer bytes on the wire, same message)", async (compression) => {
    const echo = await startEcho({ echo: async (request) => ({ text: String(request.payload.length) }) });
    const proxy = await countingProxy(echo.port);
    const plain = new EchoServiceClient(`127.0.0.1:${proxy.port}`);
    const compressed = new EchoServiceClient(`127.0.0.1:${proxy.port}`, undefined, { compression });
    try {
      const payload = new Uint8Array(200_000).fill(1);
      await plain.echo({}); // connection set-up bytes out of the way
      let before = proxy.sent();
      expect((await plain.echo({ payload })).text).toBe("200000");
      const plainBytes = proxy.sent() - before;
      await compressed.echo({});
      before = proxy.sent();
      expect((await compressed.echo({ payload })).text).toBe("200000");
      const compressedBytes = proxy.sent() - before;
      expect(plainBytes).toBeGreaterThan(200_000);
      expect(compressedBytes).toBeLessThan(20_000);
    } finally {
      plain.close();
      compressed.close();
      proxy.close();
      await echo.stop();
    }
  });
});

describe("closing a client", () => {
  it("lets calls under way finish and fails later calls with UNAVAILABLE", async () => {
    let started = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const echo = await startEcho({
      async echo() {
        started = true;
        await gate;
        return { text: "finished" };
      },
    });
    try {
      const underWay = echo.client.echo({});
      await eventually(() => started);
      echo.client.close();
      const after = await rejection(echo.client.echo({}));
      expect(after).toBeInstanceOf(RpcError);
      expect(after.code).toBe(Code.UNAVAILABLE);
      release();
      expect((await underWay).text).toBe("finished");
    } finally {
      await echo.stop();
    }
  });
});

describe("client options", () => {
  it("pass raw grpc-js channel options through", async () => {
    const echo = await startEcho(
      { echo: async () => ({ text: "ok" }) },
      { client: { channelOptions: { "grpc.primary_user_agent": "tsgrpc-test", "grpc.keepalive_time_ms": 60_000 } } },
    );
    try {
      expect((await echo.client.echo({})).text).toBe("ok");
    } finally {
      await echo.stop();
    }
  });
});
