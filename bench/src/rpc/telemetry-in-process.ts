import { ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { Metadata, Server, type ClientInterceptor, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { clientTelemetry, serverTelemetry } from "@tsgrpc/runtime/otel";
import { User } from "../../gen/tsgrpc/bench/v1/user_pb.js";
import { BenchService, BenchServiceClient } from "../../gen/tsgrpc/bench/v1/service_grpc.js";
import { ratio, table } from "../table.js";
import { summarize } from "../timing.js";
import { droppingSdk, passThrough } from "./impls/tsgrpc-telemetry.js";
import { sampleUserBytes } from "./sample.js";

export interface InProcessOptions {
  rounds: number;
  /** Sequential unary calls per measured batch (one batch per variant per round). */
  calls: number;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/** A pass-through interceptor written as a plain function: what the runtime's interceptor path costs, with no generator of the interceptor's own. */
const plainPassThrough = ((call: never, next: (call: never) => AsyncIterable<unknown>) => next(call)) as unknown as ClientInterceptor & ServerInterceptor;

interface Variant {
  name: string;
  serverInterceptors: ServerInterceptor[];
  clientInterceptors: ClientInterceptor[];
  /** Work done after each call, beside it. */
  beside?: () => void;
}

/**
 * Server and client in this one process, for each variant (no interceptors,
 * pass-through ones, the telemetry interceptors with the SDK exporting
 * nowhere and with no SDK registered (the API's no-op providers), and no
 * interceptors with the SDK work the telemetry interceptors ask for done
 * beside each call); short batches of sequential unary calls, the variants
 * in a new (seeded) order each round, so a busy moment of the machine falls
 * on all of them alike. Reported: client + server CPU time per call, as a
 * mean and as the median of each round's ratio to "tsgrpc" in that round.
 * Then the SDK's work again, alone in a tight loop: what it costs when its
 * code and data stay in the CPU's caches, which a call over HTTP/2 evicts.
 */
export async function runTelemetryInProcess(options: InProcessOptions): Promise<string> {
  const user = User.fromBinary(sampleUserBytes());
  const sdk = droppingSdk();
  const variants: Variant[] = [
    { name: "tsgrpc+otel", serverInterceptors: [serverTelemetry(sdk)], clientInterceptors: [clientTelemetry(sdk)] },
    { name: "tsgrpc", serverInterceptors: [], clientInterceptors: [] },
    { name: "tsgrpc+interceptor", serverInterceptors: [passThrough], clientInterceptors: [passThrough] },
    { name: "tsgrpc+interceptor (plain function)", serverInterceptors: [plainPassThrough], clientInterceptors: [plainPassThrough] },
    { name: "tsgrpc+otel, no SDK", serverInterceptors: [serverTelemetry({})], clientInterceptors: [clientTelemetry({})] },
    { name: "tsgrpc + the SDK work beside each call", serverInterceptors: [], clientInterceptors: [], beside: sdkCallWork(droppingSdk()) },
  ];
  const live: (Variant & { server: Server; client: BenchServiceClient; samples: number[] })[] = [];
  for (const v of variants) {
    const server = new Server({ interceptors: v.serverInterceptors }).add(BenchService, { echo: async (request) => request });
    const port = await server.listen("127.0.0.1:0");
    live.push({ ...v, server, client: new BenchServiceClient(`127.0.0.1:${port}`, undefined, { interceptors: v.clientInterceptors }), samples: [] });
  }
  const batch = async (l: (typeof live)[number]) => {
    for (let i = 0; i < options.calls; i++) {
      await l.client.echo(user);
      l.beside?.();
    }
  };
  try {
    for (let warm = 0; warm < 10; warm++) for (const l of live) await batch(l);
    const order = live.map((_, i) => i);
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < options.rounds; round++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const j of order) {
        const start = cpuMicros();
        await batch(live[j]);
        live[j].samples.push((cpuMicros() - start) / options.calls);
      }
    }
  } finally {
    for (const l of live) {
      l.client.close();
      l.server.forceShutdown();
    }
  }
  const mean = (samples: number[]) => samples.reduce((a, b) => a + b, 0) / samples.length;
  const none = live.find((l) => l.name === "tsgrpc")!;
  // Each round's ratio to "tsgrpc" in that round: their median, and the middle half of them (a GC pause in a batch of 20 calls swings one batch far).
  const quartiles = (samples: number[]) => {
    const ratios = samples.map((v, i) => v / none.samples[i]).sort((a, b) => a - b);
    return [0.25, 0.5, 0.75].map((q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))]);
  };
  const rows = live.map((l) => {
    if (l === none) return [l.name, mean(l.samples).toFixed(1), "", "", ""];
    const [q1, median, q3] = quartiles(l.samples);
    return [l.name, mean(l.samples).toFixed(1), ratio(mean(l.samples) / mean(none.samples)), ratio(median), `${ratio(q1)}–${ratio(q3)}`];
  });
  const sdkWork = sdkWorkPerCall(sdk, 15, options.calls * 100);
  const text =
    `### unary, client and server in one process (${options.rounds} rounds of ${options.calls} calls per variant)\n\n${table(["implementation", "CPU µs per call", "/ tsgrpc", "/ tsgrpc, median of rounds", "middle half of rounds"], rows)}\n\n` +
    `The SDK's work per call alone in a tight loop (what the interceptors ask of it: two spans, nine A66 measurements, one inject and one extract), ` +
    `as a share of a call with no interceptors:\n\n${table(
      ["SDK work", "CPU µs per call", "share of tsgrpc"],
      sdkWork.map(([name, micros]) => [name, micros.toFixed(1), `${((micros / mean(none.samples)) * 100).toFixed(0)}%`]),
    )}\n`;
  console.log(text);
  return text;
}

/**
 * What the telemetry interceptors ask of the SDK for one call, client and
 * server side together, in three parts (histograms with the SDK's default
 * buckets rather than A66's: a few comparisons less per measurement).
 */
function sdkWorkParts(sdk: ReturnType<typeof droppingSdk>): [string, () => void][] {
  const tracer = sdk.tracerProvider.getTracer("bench");
  const meter = sdk.meterProvider.getMeter("bench");
  const histogram = meter.createHistogram("bench.histogram");
  const counter = meter.createCounter("bench.counter");
  const method = "tsgrpc.bench.v1.BenchService/Echo";
  const spanAttributes = {
    "rpc.system": "grpc",
    "rpc.service": "tsgrpc.bench.v1.BenchService",
    "rpc.method": "Echo",
    "server.address": "127.0.0.1",
    "server.port": 50051,
  };
  const started = { "grpc.method": method, "grpc.target": "dns:///127.0.0.1:50051" };
  const ended = { ...started, "grpc.status": "OK" };
  const setter = { set: (carrier: Metadata, key: string, value: string) => void carrier.set(key, value) };
  const getter = { keys: (carrier: Metadata) => [...carrier.keys()], get: (carrier: Metadata, key: string) => carrier.get(key) };
  return [
    [
      "2 spans (start, status attribute, end)",
      () => {
        for (const kind of [SpanKind.CLIENT, SpanKind.SERVER]) {
          const span = tracer.startSpan(method, { kind, attributes: spanAttributes }, ROOT_CONTEXT);
          span.setAttribute("rpc.grpc.status_code", 0);
          span.end();
        }
      },
    ],
    [
      "9 metric measurements (A66, both sides)",
      () => {
        counter.add(1, started);
        counter.add(1, started);
        for (let i = 0; i < 7; i++) histogram.record(0.001, ended);
      },
    ],
    [
      "trace context inject + extract",
      () => {
        const md = new Metadata();
        sdk.propagator.inject(
          trace.setSpan(ROOT_CONTEXT, trace.wrapSpanContext({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 })),
          md,
          setter,
        );
        sdk.propagator.extract(ROOT_CONTEXT, md, getter);
      },
    ],
  ];
}

/** All of one call's SDK work, as one function. */
function sdkCallWork(sdk: ReturnType<typeof droppingSdk>): () => void {
  const parts = sdkWorkParts(sdk).map(([, work]) => work);
  return () => {
    for (const work of parts) work();
  };
}

/** CPU µs per call of each part of the SDK's work, alone in a tight loop (medians of `rounds` batches of `n`). */
function sdkWorkPerCall(sdk: ReturnType<typeof droppingSdk>, rounds: number, n: number): [string, number][] {
  return sdkWorkParts(sdk).map(([name, work]) => {
    for (let i = 0; i < n; i++) work();
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = cpuMicros();
      for (let i = 0; i < n; i++) work();
      samples.push((cpuMicros() - start) / n);
    }
    return [name, summarize(samples).median];
  });
}
