import type * as grpc from "@grpc/grpc-js";
import type { ServerOptions as Http2ServerOptions } from "node:http2";

/**
 * How many streams a client may reset (RST_STREAM) on one connection: a
 * burst, refilled at a rate. Past it Node's HTTP/2 (nghttp2) answers with
 * GOAWAY(INTERNAL_ERROR), and the calls still open on that connection fail
 * with INTERNAL: the defence against "rapid reset" floods (CVE-2023-44487).
 * Node's default is a burst of 1,000 refilled at 33 per second.
 */
export interface StreamResetLimit {
  burst: number;
  ratePerSecond: number;
}

/** Whether this Node's HTTP/2 server takes `streamResetBurst`/`streamResetRate` (22.10 and later; older ones ignore them). */
export function streamResetLimitSupported(nodeVersion = process.versions.node): boolean {
  const [major = 0, minor = 0] = nodeVersion.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 10);
}

/**
 * Sets the limit on the HTTP/2 servers `server` will create. grpc-js passes
 * no such option through, so this writes it into the options object it
 * creates every HTTP/2 server from (`commonServerOptions`, a private field of
 * grpc-js 1.x), refusing clearly if that field is not there or the Node
 * version would ignore the setting.
 */
export function applyStreamResetLimit(server: grpc.Server, limit: StreamResetLimit): void {
  for (const [name, value] of Object.entries({ "streamResetLimit.burst": limit.burst, "streamResetLimit.ratePerSecond": limit.ratePerSecond })) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${String(value)}`);
  }
  const common = (server as unknown as { commonServerOptions?: Http2ServerOptions }).commonServerOptions;
  if (typeof common !== "object" || common === null) {
    throw new Error("streamResetLimit: this version of @grpc/grpc-js creates its HTTP/2 servers in a way tsgrpc cannot reach");
  }
  if (!streamResetLimitSupported()) {
    throw new Error(
      `streamResetLimit needs Node 22.10 or later, whose HTTP/2 server takes streamResetBurst and streamResetRate; Node ${process.versions.node} would ignore it`,
    );
  }
  Object.assign(common, { streamResetBurst: limit.burst, streamResetRate: limit.ratePerSecond });
}
