import http2 from "node:http2";

/**
 * Counts the grpc-status of every response this process's HTTP/2 servers
 * send, by wrapping the two ways a gRPC server ends a stream: trailers after
 * the messages (`sendTrailers`) or a trailers-only response (`respond` with
 * `endStream`). h2load reports HTTP statuses and bytes but never trailers, so
 * this is how the h2load bench knows every call ended with status 0. Both
 * servers under test run on grpc-js's HTTP/2 server, so they pay the same
 * (a property lookup per call). Install before any server is created.
 */
export function countGrpcStatuses(): () => Record<string, number> {
  const counts: Record<string, number> = {};
  const count = (headers: http2.OutgoingHttpHeaders | undefined) => {
    const status = headers?.["grpc-status"];
    if (status !== undefined) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
  };
  let patched = false;
  const createServer = http2.createServer;
  http2.createServer = ((...args: Parameters<typeof http2.createServer>) => {
    const server = createServer(...args);
    // Listeners run in order: this one patches the stream class before grpc-js's listener sees the first stream.
    server.once("stream", (stream) => {
      if (patched) return;
      patched = true;
      const proto = Object.getPrototypeOf(stream) as http2.ServerHttp2Stream;
      // Patched methods of the prototype, each called back with .call(this, ...).
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const { sendTrailers, respond } = proto;
      proto.sendTrailers = function (this: http2.ServerHttp2Stream, headers) {
        count(headers);
        return sendTrailers.call(this, headers);
      };
      proto.respond = function (this: http2.ServerHttp2Stream, headers, options) {
        if (options?.endStream) count(headers);
        return respond.call(this, headers, options);
      };
    });
    return server;
  }) as typeof http2.createServer;
  return () => ({ ...counts });
}
