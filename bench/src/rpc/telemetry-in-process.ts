import { Server, type ClientInterceptor, type ServerInterceptor } from "@tsgrpc/runtime/grpc";
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
 * nowhere, no context manager); batches of sequential unary calls, the
 * variants' order rotated each round. What is reported is client + server
 * CPU time per call: with both sides warmed up in one process, the steadiest
 * figure a shared machine gives.
 */
export async function runTelemetryInProcess(options: InProcessOptions): Promise<string> {
  const user = User.fromBinary(sampleUserBytes());
  const sdk = droppingSdk();
  const variants: [string, ServerInterceptor[], ClientInterceptor[]][] = [
    ["tsgrpc+otel", [serverTelemetry(sdk)], [clientTelemetry(sdk)]],
    ["tsgrpc", [], []],
    ["tsgrpc+interceptor", [passThrough], [passThrough]],
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
  const rows = live.map((l) => [
    l.name,
    median(l.samples).toFixed(1),
    `±${(summarize(l.samples).spread * 100).toFixed(0)}%`,
    l === live[0] ? "" : ratio(subject / median(l.samples)),
  ]);
  const text = `### unary, client and server in one process (${options.rounds} rounds of ${options.calls} calls)\n\n${table(["implementation", "CPU µs per call", "±", "tsgrpc+otel/impl CPU"], rows)}\n`;
  console.log(text);
  return text;
}
