import * as grpc from "@grpc/grpc-js";
import type { ClientInterceptor } from "../interceptors.js";
import { messageLimitOptions } from "../message-limits.js";

/** Options of a generated client. */
export interface ClientOptions {
  /** Middleware around every call, the first one outermost. */
  interceptors?: readonly ClientInterceptor[];
  /** Largest response accepted (default 4 MiB); larger ones fail with RESOURCE_EXHAUSTED. */
  maxReceiveMessageBytes?: number;
  /** Largest request sent (default unlimited); larger ones fail with RESOURCE_EXHAUSTED. */
  maxSendMessageBytes?: number;
  /** Compresses every request of this client (grpc-js compresses per channel, not per call). */
  compression?: "gzip" | "deflate";
  /** gRPC service config: retry policies, timeouts, `loadBalancingConfig: [{ round_robin: {} }]`. */
  serviceConfig?: grpc.ServiceConfig;
  /** Raw grpc-js channel options (keepalive, ...); the options above win over these. */
  channelOptions?: grpc.ChannelOptions;
}

const COMPRESSION = { deflate: grpc.compressionAlgorithms.deflate, gzip: grpc.compressionAlgorithms.gzip } as const;

/** grpc-js channel options for `options`. */
export function toChannelOptions(options: ClientOptions): grpc.ChannelOptions {
  const out: grpc.ChannelOptions = { ...options.channelOptions, ...messageLimitOptions(options) };
  if (options.compression !== undefined) {
    const algorithm = COMPRESSION[options.compression];
    if (algorithm === undefined) throw new RangeError(`compression must be "gzip" or "deflate", got ${JSON.stringify(options.compression)}`);
    out["grpc.default_compression_algorithm"] = algorithm;
  }
  if (options.serviceConfig !== undefined) out["grpc.service_config"] = JSON.stringify(options.serviceConfig);
  return out;
}
