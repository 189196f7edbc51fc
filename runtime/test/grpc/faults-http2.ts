/**
 * A raw node:http2 client for the fault tests: it sends exactly the headers,
 * frames and bytes a test asks for, valid or not, and reports what came back.
 */
import * as http2 from "node:http2";

export interface RawAnswer {
  /** HTTP status of the response headers, if any came. */
  status?: number;
  /** `grpc-status`, from trailers or a trailers-only response. */
  grpcStatus?: number;
  grpcMessage?: string;
  /** The RST_STREAM code, when the server reset the stream instead of answering. */
  resetCode?: number;
  data: Buffer;
}

/** gRPC's 5-byte message prefix: compressed flag and big-endian length. */
export function frame(payload: Uint8Array, { compressed = false, length = payload.length } = {}): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(compressed ? 1 : 0, 0);
  head.writeUInt32BE(length, 1);
  return Buffer.concat([head, payload]);
}

export const grpcHeaders = (path: string): http2.OutgoingHttpHeaders => ({
  ":method": "POST",
  ":path": path,
  "content-type": "application/grpc",
  te: "trailers",
});

/** One stream on `session`: sends `headers` and `body`, waits for the answer or the reset (at most `timeoutMs`). */
export function rawCall(session: http2.ClientHttp2Session, headers: http2.OutgoingHttpHeaders, body?: Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const answer: RawAnswer = { data: Buffer.alloc(0) };
    const stream = session.request(headers, { endStream: body === undefined });
    const timer = setTimeout(() => {
      stream.close(http2.constants.NGHTTP2_CANCEL);
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const status = (h: http2.IncomingHttpHeaders) => {
      if (h["grpc-status"] !== undefined) answer.grpcStatus = Number(h["grpc-status"]);
      if (h["grpc-message"] !== undefined) answer.grpcMessage = decodeURIComponent(String(h["grpc-message"]));
    };
    stream.on("response", (h) => {
      answer.status = Number(h[":status"]);
      status(h);
    });
    stream.on("trailers", status);
    stream.on("data", (chunk: Buffer) => (answer.data = Buffer.concat([answer.data, chunk])));
    stream.on("error", () => undefined); // a reset surfaces as an error too; `close` reports it
    stream.on("close", () => {
      clearTimeout(timer);
      if (stream.rstCode) answer.resetCode = stream.rstCode;
      resolve(answer);
    });
    if (body !== undefined) stream.end(body);
  });
}

/** An HTTP/2 session to the loopback server on `port`; it swallows connection errors (tests look at the streams). */
export function connect(port: number): http2.ClientHttp2Session {
  const session = http2.connect(`http://127.0.0.1:${port}`);
  session.on("error", () => undefined);
  return session;
}
