/**
 * Beyond one server: a client configured for round_robin spreads calls over
 * three servers and moves off one that stops; a retry policy from the
 * service config retries UNAVAILABLE transparently.
 */
import { Code, RpcError, Server, type ServiceConfig } from "@tsgrpc/runtime/grpc";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { rejection } from "./helpers.js";

describe("round_robin over three servers", () => {
  const servers: Server[] = [];
  const ports: number[] = [];
  let client: EchoServiceClient;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const server = new Server().add(EchoService, { echo: async () => ({ text: `server-${i}` }) });
      ports.push(await server.listen("127.0.0.1:0"));
      servers.push(server);
    }
    const roundRobin: ServiceConfig = { loadBalancingConfig: [{ round_robin: {} }], methodConfig: [] };
    client = new EchoServiceClient(`ipv4:${ports.map((p) => `127.0.0.1:${p}`).join(",")}`, undefined, { serviceConfig: roundRobin });
  });
  afterAll(() => {
    client.close();
    for (const s of servers) s.forceShutdown();
  });

  async function tally(calls: number): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let i = 0; i < calls; i++) {
      const { text } = await client.echo({}, { timeoutMs: 5000 });
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    return counts;
  }

  it("spreads calls over every server", async () => {
    await client.echo({}, { timeoutMs: 5000 }); // connect
    const counts = await tally(30);
    expect([...counts.keys()].sort()).toEqual(["server-0", "server-1", "server-2"]);
    for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(5);
  });

  it("moves off a server that stops", async () => {
    servers[1].forceShutdown();
    // calls racing the shutdown may fail; the channel drops the dead address once it sees the connection close
    let succeededInARow = 0;
    for (let i = 0; i < 200 && succeededInARow < 6; i++) {
      const ok = await client.echo({}, { timeoutMs: 5000 }).then(
        () => true,
        (e: unknown) => {
          expect((e as RpcError).code).toBe(Code.UNAVAILABLE);
          return false;
        },
      );
      succeededInARow = ok ? succeededInARow + 1 : 0;
    }
    const counts = await tally(20);
    expect([...counts.keys()].sort()).toEqual(["server-0", "server-2"]);
  });
});

describe("retry policy from the service config", () => {
  let server: Server;
  let port: number;
  const attempts = new Map<string, number>();

  beforeAll(async () => {
    server = new Server().add(EchoService, {
      async echo(request) {
        const n = (attempts.get(request.text) ?? 0) + 1;
        attempts.set(request.text, n);
        if (n < 3) throw new RpcError(Code.UNAVAILABLE, `attempt ${n} fails`);
        return { text: `ok after ${n}` };
      },
    });
    port = await server.listen("127.0.0.1:0");
  });
  afterAll(() => server.forceShutdown());

  const retrying: ServiceConfig = {
    loadBalancingConfig: [],
    methodConfig: [
      {
        name: [{ service: "rpc.v1.EchoService" }],
        retryPolicy: { maxAttempts: 4, initialBackoff: "0.01s", maxBackoff: "0.1s", backoffMultiplier: 2, retryableStatusCodes: ["UNAVAILABLE"] },
      },
    ],
  };

  it("retries UNAVAILABLE until an attempt succeeds", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`, undefined, { serviceConfig: retrying });
    try {
      expect((await client.echo({ text: "a" })).text).toBe("ok after 3");
      expect(attempts.get("a")).toBe(3);
    } finally {
      client.close();
    }
  });

  it("without the policy the first UNAVAILABLE is the answer", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`);
    try {
      const error = await rejection(client.echo({ text: "b" }));
      expect(error.code).toBe(Code.UNAVAILABLE);
      expect(error.message).toBe("attempt 1 fails");
      expect(attempts.get("b")).toBe(1);
    } finally {
      client.close();
    }
  });
});
