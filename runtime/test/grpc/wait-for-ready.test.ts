import { createServer } from "node:net";
import { Code, Server } from "@tsgrpc/runtime/grpc";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { echoBehaviour, rejection, sleep } from "./helpers.js";

/** A loopback port nothing listens on (yet). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

/** Starts an echo server on `port` after `delayMs`; resolves to it once listening. */
async function serveLater(port: number, delayMs: number): Promise<Server> {
  await sleep(delayMs);
  const server = new Server().add(EchoService, echoBehaviour);
  await server.listen(`127.0.0.1:${port}`);
  return server;
}

describe("a client started before its server", () => {
  it("fails a plain call with UNAVAILABLE", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${await freePort()}`);
    try {
      expect((await rejection(client.echo({ text: "hi" }, { timeoutMs: 5_000 }))).code).toBe(Code.UNAVAILABLE);
    } finally {
      client.close();
    }
  });

  it("succeeds with the waitForReady call option once the server is up", async () => {
    const port = await freePort();
    const client = new EchoServiceClient(`127.0.0.1:${port}`);
    const started = serveLater(port, 300);
    try {
      const response = await client.echo({ text: "hi" }, { waitForReady: true, timeoutMs: 10_000 });
      expect(response.text).toBe("hi");
    } finally {
      client.close();
      (await started).forceShutdown();
    }
  });

  it("with waitForReady still fails at the deadline", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${await freePort()}`);
    try {
      expect((await rejection(client.echo({}, { waitForReady: true, timeoutMs: 200 }))).code).toBe(Code.DEADLINE_EXCEEDED);
    } finally {
      client.close();
    }
  });
});

describe("client.waitForReady()", () => {
  it("resolves once the server is up", async () => {
    const port = await freePort();
    const client = new EchoServiceClient(`127.0.0.1:${port}`);
    const started = serveLater(port, 300);
    try {
      await client.waitForReady({ timeoutMs: 10_000 });
      expect((await client.echo({ text: "ready" })).text).toBe("ready");
    } finally {
      client.close();
      (await started).forceShutdown();
    }
  });

  it("rejects with DEADLINE_EXCEEDED naming the target when nothing answers in time", async () => {
    const port = await freePort();
    const client = new EchoServiceClient(`127.0.0.1:${port}`);
    try {
      const error = await rejection(client.waitForReady({ timeoutMs: 200 }));
      expect(error.code).toBe(Code.DEADLINE_EXCEEDED);
      expect(error.message).toContain(`127.0.0.1:${port}`);
    } finally {
      client.close();
    }
  });

  it("rejects with CANCELLED when its signal aborts", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${await freePort()}`);
    try {
      const abort = new AbortController();
      const waiting = rejection(client.waitForReady({ signal: abort.signal }));
      abort.abort();
      expect((await waiting).code).toBe(Code.CANCELLED);
    } finally {
      client.close();
    }
  });

  it("rejects with UNAVAILABLE on a closed client", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${await freePort()}`);
    client.close();
    expect((await rejection(client.waitForReady({ timeoutMs: 1000 }))).code).toBe(Code.UNAVAILABLE);
  });
});
