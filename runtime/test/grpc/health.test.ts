/**
 * grpc.health.v1 served by `new Server({ health: true })`, called with the
 * runtime's own generated HealthClient over loopback.
 */
import { setTimeout as delay } from "node:timers/promises";
import { Code, HealthCheckResponse, HealthClient, RpcError, Server, ServerHealth, ServingStatus, type ServerOptions } from "@tsgrpc/runtime/grpc";
import { EchoService } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { rejection } from "./helpers.js";

const ECHO = "rpc.v1.EchoService";

async function startHealthy(options: ServerOptions = { health: true }) {
  const server = new Server(options).add(EchoService, {
    async echo(r) {
      return { text: r.text };
    },
  });
  const port = await server.listen("127.0.0.1:0");
  const client = new HealthClient(`127.0.0.1:${port}`);
  return {
    server,
    client,
    stop() {
      client.close();
      server.forceShutdown();
    },
  };
}

let t: Awaited<ReturnType<typeof startHealthy>>;
beforeEach(async () => {
  t = await startHealthy();
});
afterEach(() => t.stop());

/** The statuses a Watch stream sends, read one at a time. */
function watch(service: string, signal?: AbortSignal) {
  const it = t.client.watch({ service }, { signal })[Symbol.asyncIterator]();
  return {
    async next(): Promise<ServingStatus> {
      const r = await it.next();
      if (r.done) throw new Error("the watch ended");
      return r.value.status;
    },
    ended: async () => (await it.next()).done,
  };
}

describe("Check", () => {
  it("reports the whole server ('') and every added service SERVING once listening", async () => {
    expect((await t.client.check({ service: "" })).status).toBe(ServingStatus.SERVING);
    const echo = await t.client.check({ service: ECHO });
    expect(echo).toBeInstanceOf(HealthCheckResponse);
    expect(echo.status).toBe(ServingStatus.SERVING);
  });

  it("answers NOT_FOUND for a service the server does not know", async () => {
    const error = await rejection(t.client.check({ service: "no.Such" }));
    expect(error).toBeInstanceOf(RpcError);
    expect(error.code).toBe(Code.NOT_FOUND);
    expect(error.message).toBe('unknown service "no.Such"');
  });

  it("reports what server.health.setStatus set", async () => {
    t.server.health.setStatus(ECHO, ServingStatus.NOT_SERVING);
    expect((await t.client.check({ service: ECHO })).status).toBe(ServingStatus.NOT_SERVING);
    t.server.health.setStatus("custom.Component", ServingStatus.SERVING);
    expect((await t.client.check({ service: "custom.Component" })).status).toBe(ServingStatus.SERVING);
  });
});

describe("List", () => {
  it("gives every known service with its status", async () => {
    t.server.health.setStatus(ECHO, ServingStatus.NOT_SERVING);
    const { statuses } = await t.client.list({});
    expect(Object.fromEntries(Object.entries(statuses).map(([name, r]) => [name, r.status]))).toEqual({
      "": ServingStatus.SERVING,
      "grpc.health.v1.Health": ServingStatus.SERVING,
      [ECHO]: ServingStatus.NOT_SERVING,
    });
  });

  it("answers RESOURCE_EXHAUSTED beyond 100 services, as the protocol says", async () => {
    for (let i = 0; i < 100; i++) t.server.health.setStatus(`s${i}`, ServingStatus.SERVING);
    const error = await rejection(t.client.list({}));
    expect(error.code).toBe(Code.RESOURCE_EXHAUSTED);
  });
});

describe("Watch", () => {
  it("sends the current status at once, then each change, never the same status twice in a row", async () => {
    const w = watch(ECHO);
    expect(await w.next()).toBe(ServingStatus.SERVING);
    t.server.health.setStatus(ECHO, ServingStatus.NOT_SERVING);
    expect(await w.next()).toBe(ServingStatus.NOT_SERVING);
    t.server.health.setStatus(ECHO, ServingStatus.NOT_SERVING);
    t.server.health.setStatus(ECHO, ServingStatus.SERVING);
    expect(await w.next()).toBe(ServingStatus.SERVING);
  });

  it("reports an unknown service as SERVICE_UNKNOWN and keeps the stream open until it becomes known", async () => {
    const w = watch("later.Service");
    expect(await w.next()).toBe(ServingStatus.SERVICE_UNKNOWN);
    t.server.health.setStatus("later.Service", ServingStatus.SERVING);
    expect(await w.next()).toBe(ServingStatus.SERVING);
  });

  it("does not lose a change made while the previous status waits to be read", async () => {
    const health = new ServerHealth();
    const statuses = health.watch("", new AbortController().signal);
    expect((await statuses.next()).value).toBe(ServingStatus.SERVING);
    health.setStatus("", ServingStatus.NOT_SERVING);
    // An unref'd timer: once the update wins the race, the 2 s timer must not keep the jest worker alive.
    const next = await Promise.race([statuses.next(), delay(2000, "no update", { ref: false })]);
    expect(next).toEqual({ done: false, value: ServingStatus.NOT_SERVING });
    await statuses.return(undefined);
  });

  it("ends with CANCELLED on the client when the client aborts", async () => {
    const abort = new AbortController();
    const w = watch(ECHO, abort.signal);
    expect(await w.next()).toBe(ServingStatus.SERVING);
    abort.abort();
    const error = await rejection(w.next());
    expect(error.code).toBe(Code.CANCELLED);
  });
});

describe("shutdown", () => {
  it("marks every service NOT_SERVING, tells watchers, ends their streams, and does not wait on them", async () => {
    const w = watch(ECHO);
    expect(await w.next()).toBe(ServingStatus.SERVING);
    const stopped = t.server.shutdown();
    expect(await w.next()).toBe(ServingStatus.NOT_SERVING);
    expect(await w.ended()).toBe(true);
    await stopped;
    expect(t.server.health.getStatus("")).toBe(ServingStatus.NOT_SERVING);
    expect(t.server.health.getStatus(ECHO)).toBe(ServingStatus.NOT_SERVING);
  });
});

describe("server.health.setStatus", () => {
  it("rejects a status other than UNKNOWN, SERVING or NOT_SERVING", () => {
    expect(() => t.server.health.setStatus(ECHO, ServingStatus.SERVICE_UNKNOWN as never)).toThrow(RangeError);
    expect(() => t.server.health.setStatus(ECHO, 7 as never)).toThrow("health.setStatus: status must be UNKNOWN, SERVING or NOT_SERVING, got 7");
  });

  it("rejects a service name that is not a string", () => {
    expect(() => t.server.health.setStatus(undefined as never, ServingStatus.SERVING)).toThrow(TypeError);
  });
});

it("runs behind the server's interceptors like any other service", async () => {
  const seen: string[] = [];
  const guarded = await startHealthy({ health: true, interceptors: [(call, next) => (seen.push(call.method.path), next(call))] });
  try {
    await guarded.client.check({ service: "" });
    expect(seen).toEqual(["/grpc.health.v1.Health/Check"]);
  } finally {
    guarded.stop();
  }
});

it("is not served unless the server asks for it", async () => {
  const plain = await startHealthy({ health: false });
  try {
    expect((await rejection(plain.client.check({ service: "" }))).code).toBe(Code.UNIMPLEMENTED);
  } finally {
    plain.stop();
  }
});
