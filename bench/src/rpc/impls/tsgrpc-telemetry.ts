import { context, metrics, propagation, trace } from "@opentelemetry/api";
import type { ClientInterceptor, ServerInterceptor } from "@tsgrpc/runtime/grpc";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode, W3CTraceContextPropagator } from "@opentelemetry/core";
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { clientTelemetry, serverTelemetry, type TelemetryOptions } from "@tsgrpc/runtime/otel";
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

/** SDK providers whose exporters drop everything (batched span export, periodic metric export), and the W3C propagator. */
export function droppingSdk(): Required<Pick<TelemetryOptions, "tracerProvider" | "meterProvider" | "propagator">> {
  return {
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(dropSpans)] }),
    meterProvider: new MeterProvider({ readers: [new PeriodicExportingMetricReader({ exporter: dropMetrics, exportIntervalMillis: 10_000 })] }),
    propagator: new W3CTraceContextPropagator(),
  };
}

/**
 * The OpenTelemetry SDK as a service registers it (NodeSDK's defaults):
 * global tracer and meter providers, W3C propagator, AsyncLocalStorage
 * context manager.
 */
function registerSdk(): void {
  const sdk = droppingSdk();
  trace.setGlobalTracerProvider(sdk.tracerProvider);
  metrics.setGlobalMeterProvider(sdk.meterProvider);
  propagation.setGlobalPropagator(sdk.propagator);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

/** A pass-through interceptor on both sides: what the interceptors' path itself costs, telemetry aside. */
export const passThrough = async function* (call: never, next: (call: never) => AsyncIterable<unknown>) {
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
