import { SpanKind } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { AggregationTemporality, MeterProvider, MetricReader, type DataPoint, type Histogram } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { TelemetryOptions } from "@tsgrpc/runtime/otel";

/** A metric reader collected on demand: the SDK's in-memory view of every instrument. */
class TestReader extends MetricReader {
  constructor() {
    super({ aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE });
  }
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** Tracer and meter providers of the OpenTelemetry SDK with in-memory exporters, and readers for what they caught. */
export function telemetrySdk() {
  const spans = new InMemorySpanExporter();
  const reader = new TestReader();
  const options: TelemetryOptions = {
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    meterProvider: new MeterProvider({ readers: [reader] }),
    propagator: new W3CTraceContextPropagator(),
  };
  return {
    options,
    spans: () => spans.getFinishedSpans(),
    reset: () => spans.reset(),
    /** The data points of metric `name`. */
    async points(name: string): Promise<DataPoint<number | Histogram>[]> {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length) throw errors[0];
      const metric = resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).find((m) => m.descriptor.name === name);
      return (metric?.dataPoints ?? []) as DataPoint<number | Histogram>[];
    },
  };
}

export const client = (spans: readonly ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.CLIENT);
export const server = (spans: readonly ReadableSpan[]) => spans.filter((s) => s.kind === SpanKind.SERVER);

/** The one span of `kind` named `name`. */
export function only(spans: readonly ReadableSpan[], kind: SpanKind, name = "rpc.v1.EchoService/Echo"): ReadableSpan {
  const found = spans.filter((s) => s.kind === kind && s.name === name);
  if (found.length !== 1)
    throw new Error(`expected one ${SpanKind[kind]} span ${name}, got ${found.length} of ${spans.map((s) => `${SpanKind[s.kind]} ${s.name}`).join(", ")}`);
  return found[0];
}

/** Waits until `n` spans have ended (a server span ends once its handler returns, which may be after the client has its answer). */
export async function spansEnded(read: () => readonly ReadableSpan[], n: number): Promise<ReadableSpan[]> {
  const end = Date.now() + 10_000;
  while (read().length < n) {
    if (Date.now() > end) throw new Error(`expected ${n} spans, got ${read().length}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return [...read()];
}
