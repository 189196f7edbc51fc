/**
 * A storm of 3,000 calls cancelled on one connection. Each cancel is an
 * RST_STREAM; Node's HTTP/2 server (nghttp2's "rapid reset" defence,
 * CVE-2023-44487) allows a burst of 1,000 resets per connection, refilled at
 * about 33 per second, then sends GOAWAY(INTERNAL_ERROR): every call still
 * open on the connection fails with INTERNAL. `streamResetLimit` raises that
 * limit (Node 22.10 or later). docs/HOSTILE-INPUT.md, "Known limit".
 */
import { Code, RpcError, Server, type ServerOptions } from "@tsgrpc/runtime/grpc";
import { streamResetLimitSupported } from "../../src/grpc/server/stream-reset-limit.js";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { aborted, eventually } from "./helpers.js";

const STORM = 3000;
const WAVE = 100;

/**
 * Opens one long server stream (the bystander), then cancels STORM unary calls on the same connection,
 * WAVE at a time, each once its handler runs. Returns how the bystander and the storm's calls ended.
 */
async function storm(options: ServerOptions) {
  let started = 0;
  const server = new Server(options).add(EchoService, {
    async echo(_request, context) {
      started++;
      await aborted(context.signal);
      return {};
    },
    async *expand(_request, context) {
      yield { text: "open" };
      await aborted(context.signal);
    },
  });
  const port = await server.listen("127.0.0.1:0");
  const client = new EchoServiceClient(`127.0.0.1:${port}`);
  const bystanderControl = new AbortController();
  const bystander = (async () => {
    try {
      for await (const _ of client.expand({}, { signal: bystanderControl.signal }));
      return Code.OK;
    } catch (e) {
      return (e as RpcError).code;
    }
  })();
  let bystanderCode: Code | undefined;
  void bystander.then((code) => (bystanderCode = code));
  const codes = new Map<Code, number>();
  const internal = new Set<string>();
  try {
    for (let sent = 0; sent < STORM && bystanderCode === undefined; sent += WAVE) {
      const wave = Array.from({ length: WAVE }, () => new AbortController());
      const before = started;
      const calls = wave.map((c) =>
        client.echo({}, { signal: c.signal }).then(
          () => Code.OK,
          (e: RpcError) => (e.code === Code.INTERNAL && internal.add(e.message), e.code),
        ),
      );
      await eventually(() => started - before === WAVE || bystanderCode !== undefined, 30_000);
      for (const c of wave) c.abort();
      for (const code of await Promise.all(calls)) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const resetsBeforeBystanderEnded = codes.get(Code.CANCELLED) ?? 0;
    bystanderControl.abort();
    return { bystander: await bystander, codes: Object.fromEntries(codes), resetsBeforeBystanderEnded, internal: [...internal] };
  } finally {
    client.close();
    server.forceShutdown();
  }
}

it("with Node's default limit the server ends the connection with GOAWAY after about 1,000 resets: open calls fail INTERNAL", async () => {
  const result = await storm({});
  console.log(`reset storm, default limit: ${JSON.stringify(result)}`);
  expect(result.bystander).toBe(Code.INTERNAL);
  // The burst of 1,000 plus what refilled at ~33/s while the storm ran.
  expect(result.resetsBeforeBystanderEnded).toBeGreaterThanOrEqual(900);
  expect(result.resetsBeforeBystanderEnded).toBeLessThan(STORM);
  // Calls of the wave the GOAWAY cut short fail the same way whether or not the server saw them (their
  // stream id above the GOAWAY's last-stream-id): grpc-js tells a caller nothing to retry on.
  for (const message of result.internal) expect(message).toMatch(/Received RST_STREAM with code 2|Session closed with error code 2/);
}, 300_000);

it("with streamResetLimit raised, all 3,000 resets pass and the connection stays up (Node 22.10 or later; older Node refuses the option)", async () => {
  const streamResetLimit = { burst: 10_000, ratePerSecond: 10_000 };
  if (!streamResetLimitSupported()) {
    expect(() => new Server({ streamResetLimit })).toThrow(/needs Node 22\.10 or later/);
    console.warn(`reset storm with streamResetLimit: not run on Node ${process.versions.node} (needs 22.10 or later)`);
    return;
  }
  const result = await storm({ streamResetLimit });
  console.log(`reset storm, streamResetLimit ${JSON.stringify(streamResetLimit)}: ${JSON.stringify(result)}`);
  expect(result.codes).toEqual({ [Code.CANCELLED]: STORM });
  expect(result.bystander).toBe(Code.CANCELLED); // cancelled by the test at the end, not by a GOAWAY
}, 300_000);
