/**
 * In-process A/B of what tsgrpc's own code costs per unary server call
 * (ServerCallContext, the responder, the reaction that answers), two builds:
 *
 *   npm run -w bench ab -- --snapshot DIR               (as for `ab`: keep this checkout's build as the base)
 *   npm run -w bench server-ab -- --base DIR [--in-flight N] [--rounds N]
 *
 * Each build's grpc-js unary handler for BenchService.Echo (made as its
 * `Server` makes it, no interceptors, an `async` echo implementation) is
 * driven with fake grpc-js calls: N calls started at once, then timed (CPU)
 * until every callback came. No sockets and no grpc-js: under h2load the
 * server spends 40 to 80 µs per call and the runs differ by 10% to 20%, so a
 * change of a microsecond in our part is only visible here. Reports this
 * checkout's speed over the base's (median of per-round ratios, with the
 * range) and µs per call of each.
 */
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { summarize } from "./timing.js";

type Callback = (error: unknown) => void;
type Handler = (call: FakeCall, callback: Callback) => void;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** What tsgrpc's unary handler reads of a grpc-js server call. */
class FakeCall extends EventEmitter {
  readonly metadata = undefined;
  constructor(readonly request: unknown) {
    super();
  }
  getPeer(): string {
    return "ipv4:127.0.0.1:50000";
  }
  getDeadline(): number {
    return Infinity;
  }
  sendMetadata(): void {}
}

/** The unary handler of the build at `root` (a checkout or an `ab --snapshot` folder) and a request for it. */
function load(root: string): { handler: Handler; request: unknown } {
  const load = createRequire(join(root, "bench/dist/gen/tsgrpc/bench/v1/"));
  const internal = (path: string) => load(join(root, "runtime/dist/grpc/server", path)) as Record<string, (...args: unknown[]) => unknown>;
  const { BenchService } = load("./service_grpc.js") as { BenchService: { methods: Record<string, { kind: string }> } };
  interface UserClass {
    new (init: object): { toBinary(): Uint8Array };
    fromBinary(bytes: Uint8Array): unknown;
  }
  const { User } = load("./user_pb.js") as { User: UserClass };
  const method = Object.values(BenchService.methods).find((m) => m.kind === "unary");
  // As users write handlers: an async function.
  const echo = async (request: unknown): Promise<unknown> => request;
  const respond = internal("implementation.js").responder(method, echo, {}, []);
  const handler = internal("unary.js").unaryHandler({ method, onError: () => {} }, respond) as Handler;
  const request = User.fromBinary(new User({ id: "u-1", name: "Ada Lovelace", email: "ada@example.com", tags: ["a", "b"] }).toBinary());
  return { handler, request };
}

/** Starts `n` calls at once; resolves when all were answered, rejects on the first error. */
function calls({ handler, request }: { handler: Handler; request: unknown }, n: number): Promise<void> {
  return new Promise((done, fail) => {
    let answered = 0;
    const callback: Callback = (error) => (error ? fail(new Error(`a call failed: ${JSON.stringify(error)}`)) : ++answered === n && done());
    for (let i = 0; i < n; i++) handler(new FakeCall(request), callback);
  });
}

/** CPU µs per call of `n` calls. */
async function timed(build: { handler: Handler; request: unknown }, n: number): Promise<number> {
  const start = process.cpuUsage();
  await calls(build, n);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

async function main(): Promise<void> {
  const base = option("--base", "");
  if (!base) throw new Error("usage: node dist/src/server-ab.js --base DIR [--in-flight N] [--rounds N]");
  const n = Number(option("--in-flight", "2000"));
  const rounds = Number(option("--rounds", "31"));
  const A = load(resolve(base));
  const B = load(resolve(__dirname, "../../.."));
  for (let i = 0; i < 10; i++) for (const build of [A, B]) await calls(build, n);
  const ratios: number[] = [];
  const perA: number[] = [];
  const perB: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, as `ab` does.
    let a: number;
    let b: number;
    if (r % 2) {
      b = await timed(B, n);
      a = await timed(A, n);
    } else {
      a = await timed(A, n);
      b = await timed(B, n);
    }
    ratios.push(a / b);
    perA.push(a);
    perB.push(b);
  }
  const s = summarize(ratios);
  console.log(
    `unary call, ${n} in flight, ${rounds} rounds: this / base ${s.median.toFixed(2)}x (${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)}); ` +
      `base ${summarize(perA).median.toFixed(2)} µs per call, this ${summarize(perB).median.toFixed(2)} µs`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
