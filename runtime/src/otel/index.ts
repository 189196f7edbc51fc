/**
 * `@tsgrpc/runtime/otel`: OpenTelemetry tracing and gRPC A66 metrics as
 * interceptors. Needs `@opentelemetry/api` (an optional peer dependency:
 * install it to use this entry point).
 */
export { clientTelemetry } from "./client.js";
export { serverTelemetry } from "./server.js";
export { traceContextOf, type TelemetryOptions } from "./instrumentation.js";
