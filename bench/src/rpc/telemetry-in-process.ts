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
  /** Sequential unary calls per measured batch. */
  calls: number;
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

/**
 * Server and client in this one process, for each variant (no interceptors,
 * a pass-through one, the telemetry interceptors with the SDK exporting
 * nowhere, the same interceptors with no SDK registered (the API's no-op
 * providers), no context manager); batches of sequential unary calls, the
 * variants' order rotated each round. What is reported is client + server
 * CPU time per call: with both sides warmed up in one process, the steadiest
 * figure a shared machine gives. Then the SDK's own share: the work the
 * interceptors ask of it per call, done alone.
 */
export async function runTelemetryInProcess(options: InProcessOptions): Promise<string> {
  const user = User.fromBinary(sampleUserBytes());
  const sdk = droppingSdk();
  const variants: [string, ServerInterceptor[], ClientInterceptor[]][] = [
    ["tsgrpc+otel", [serverTelemetry(sdk)], [clientTelemetry(sdk)]],
    ["tsgrpc", [], []],
    ["tsgrpc+interceptor", [passThrough], [passThrough]],
    ["tsgrpc+otel, no SDK", [serverTelemetry({})], [clientTelemetry({})]],
  ];
  const live: { name: string; server: Server; client: BenchServiceClient; samples: number[] }[] = [];
  for (const [name, serverInterceptors, clientInterceptors] of variants) {
    const server = new Server({ interceptors: serverInterceptors }).add(BenchService, { echo: async (request) => request });
    const port = await server.listen("127.0.0.1:0");
    live.push({ name, server, client: new BenchServiceClient(`127.0.0.1:${port}`, undefined, { interceptors: clientInterceptors }), samples: [] });
  }
  try {
    for (const l of live) for (let i = 0; i < options.calls; i++) await l.client.echo(user);
    for (let round = 0; round < options.rounds; round++) {
      for (let j = 0; j < live.length; j++) {
        const l = live[(j + round) % live.length];
        const start = cpuMicros();
        for (let i = 0; i < options.calls; i++) await l.client.echo(user);
        l.samples.push((cpuMicros() - start) / options.calls);
      }
    }
  } finally {
    for (const l of live) {
      l.client.close();
      l.server.forceShutdown();
    }
  }
  const median = (samples: number[]) => summarize(samples).median;
  const subject = median(live[0].samples);
  // The best batch too: on a shared machine other jobs only ever add time, so the least disturbed batch is the steadier figure.
  const best = (samples: number[]) => Math.min(...samples);
  const subjectBest = best(live[0].samples);
  const rows = live.map((l) => [
    l.name,
    median(l.samples).toFixed(1),
    `±${(summarize(l.samples).spread * 100).toFixed(0)}%`,
    best(l.samples).toFixed(1),
    l === live[0] ? "" : ratio(subject / median(l.samples)),
    l === live[0] ? "" : ratio(subjectBest / best(l.samples)),
  ]);
  const sdkWork = sdkWorkPerCall(sdk, options.rounds, options.calls * 4);
  const none = median(live.find((l) => l.name === "tsgrpc")!.samples);
  const text =
    `### unary, client and server in one process (${options.rounds} rounds of ${options.calls} calls)\n\n${table(["implementation", "CPU µs per call", "±", "best batch", "tsgrpc+otel/impl CPU", "best"], rows)}\n\n` +
    `The SDK's own work per call, alone (what the interceptors ask of it: two spans, nine A66 measurements, one inject and one extract), ` +
    `as a share of a call with no interceptors:\n\n${table(
      ["SDK work", "CPU µs per call", "share of tsgrpc"],
      sdkWork.map(([name, micros]) => [name, micros.toFixed(1), `${((micros / none) * 100).toFixed(0)}%`]),
    )}\n`;
  console.log(text);
  return text;
}

/** CPU µs per call of what the telemetry interceptors ask of the SDK, each part on its own (medians of `rounds` batches of `n`). */
function sdkWorkPerCall(sdk: ReturnType<typeof droppingSdk>, rounds: number, n: number): [string, number][] {
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
  const parts: [string, () => void][] = [
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
  return parts.map(([name, work]) => {
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
