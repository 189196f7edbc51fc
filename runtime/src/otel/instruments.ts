import type { Counter, Histogram, Meter, MeterProvider } from "@opentelemetry/api";
import { metrics } from "@opentelemetry/api";
import { INSTRUMENTATION_NAME } from "./instrumentation.js";

// Bucket boundaries gRPC proposal A66 recommends: latency in seconds, sizes in bytes.
const LATENCY_BUCKETS = [
  0, 0.00001, 0.00005, 0.0001, 0.0003, 0.0006, 0.0008, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.01, 0.013, 0.016, 0.02, 0.025, 0.03, 0.04, 0.05,
  0.065, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4, 0.5, 0.65, 0.8, 1, 2, 5, 10, 20, 50, 100,
];
const SIZE_BUCKETS = [0, 1024, 2048, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864, 268435456, 1073741824, 4294967296];

function duration(meter: Meter, name: string, description: string): Histogram {
  return meter.createHistogram(name, { unit: "s", description, advice: { explicitBucketBoundaries: LATENCY_BUCKETS } });
}

function size(meter: Meter, name: string, description: string): Histogram {
  return meter.createHistogram(name, { unit: "By", description, advice: { explicitBucketBoundaries: SIZE_BUCKETS } });
}

/** A66's per-call client instruments. */
export interface ClientInstruments {
  attemptStarted: Counter;
  attemptDuration: Histogram;
  attemptSent: Histogram;
  attemptReceived: Histogram;
  callDuration: Histogram;
}

/** A66's per-call server instruments. */
export interface ServerInstruments {
  callStarted: Counter;
  callSent: Histogram;
  callReceived: Histogram;
  callDuration: Histogram;
}

export function clientInstruments(meter: Meter): ClientInstruments {
  return {
    attemptStarted: meter.createCounter("grpc.client.attempt.started", { unit: "{attempt}", description: "Number of client call attempts started." }),
    attemptDuration: duration(meter, "grpc.client.attempt.duration", "End-to-end time taken to complete a client call attempt."),
    attemptSent: size(meter, "grpc.client.attempt.sent_total_compressed_message_size", "Compressed message bytes sent per client call attempt."),
    attemptReceived: size(meter, "grpc.client.attempt.rcvd_total_compressed_message_size", "Compressed message bytes received per call attempt."),
    callDuration: duration(meter, "grpc.client.call.duration", "Time taken by gRPC to complete an RPC from application's perspective."),
  };
}

export function serverInstruments(meter: Meter): ServerInstruments {
  return {
    callStarted: meter.createCounter("grpc.server.call.started", { unit: "{call}", description: "Number of server calls started." }),
    callSent: size(meter, "grpc.server.call.sent_total_compressed_message_size", "Compressed message bytes sent per server call."),
    callReceived: size(meter, "grpc.server.call.rcvd_total_compressed_message_size", "Compressed message bytes received per server call."),
    callDuration: duration(meter, "grpc.server.call.duration", "End-to-end time taken to complete a call from server transport's perspective."),
  };
}

/**
 * Instruments made on first use, from `provider` or else the global meter
 * provider as it is then (the metrics API has no proxy provider, so
 * instruments made before the SDK is registered would record nothing).
 */
export function lazyInstruments<T>(provider: MeterProvider | undefined, make: (meter: Meter) => T): () => T {
  let made: T | undefined;
  return () => (made ??= make((provider ?? metrics.getMeterProvider()).getMeter(INSTRUMENTATION_NAME)));
}
