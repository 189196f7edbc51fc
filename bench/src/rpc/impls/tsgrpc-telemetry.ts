import { context, metrics, propagation, trace } from "@opentelemetry/api";
import type { ClientInterceptor, ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode, W3CTraceContextPropagator } from "@opentelemetry/core";
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { clientTelemetry, serverTelemetry } from "@tsgrpc/runtime/otel";
import { tsgrpcWith } from "./tsgrpc.js";

/** An exporter that drops everything at once: what is measured is the instrumentation, not the export. */
const dropSpans: SpanExporter = {
  export: (_, done) => done({ code: ExportResultCode.SUCCESS }),
  shutdown: async () => {},
};
const dropMetrics: PushMetricExporter = {
  export: (_, done) => done({ code: ExportResultCode.SUCCESS }),
  forceFlush: async () => {},
  shutdown: async () => {},
};

/**
 * The OpenTelemetry SDK as a service registers it (NodeSDK's defaults):
 * global tracer and meter providers, W3C propagator, AsyncLocalStorage
 * context manager, batched span export, periodic metric export.
 */
function registerSdk(): void {
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropSpans)] }));
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: dropMetrics, exportIntervalMillis: 10_000 })] }));
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

/** A pass-through interceptor on both sides: what the interceptors' path itself costs, telemetry aside. */
const passThrough = async function* (call: never, next: (call: never) => AsyncIterable<unknown>) {
  yield* next(call);
} as unknown as ClientInterceptor & ServerInterceptor;

export const tsgrpcInterceptorRpc = tsgrpcWith("tsgrpc+interceptor", { server: () => [passThrough], client: () => [passThrough] });

/** tsgrpc with `@tsgrpc/runtime/otel`'s interceptors on both sides, traces and metrics, exported to nowhere. */
export const tsgrpcTelemetryRpc = tsgrpcWith("tsgrpc+otel", {
  server: () => {
    registerSdk();
    return [serverTelemetry()];
  },
  client: () => {
    registerSdk();
    return [clientTelemetry()];
  },
});
