import type * as grpc from "@grpc/grpc-js";
import { Status } from "../../gen/google/rpc/status_pb.js";
import { fromGrpcMetadata, toGrpcMetadata } from "../metadata-grpc.js";
import type { Metadata } from "../metadata.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "./code.js";

/** The trailer that carries a serialized `google.rpc.Status` with typed details. */
export const STATUS_DETAILS_KEY = "grpc-status-details-bin";

/**
 * The error a client sees for a non-OK status from grpc-js. Details come from
 * `grpc-status-details-bin`; an undecodable value there leaves `details`
 * empty, the raw bytes stay in `trailers`.
 */
export function rpcErrorFromStatus(status: { code: number; details: string; metadata?: grpc.Metadata | null }, cause?: unknown): RpcError {
  const trailers = fromGrpcMetadata(status.metadata);
  const raw = trailers.get(STATUS_DETAILS_KEY);
  let details: Status["details"] = [];
  if (raw) {
    try {
      details = Status.fromBinary(raw).details;
    } catch {
      details = [];
    }
  }
  // A peer may send a code outside the spec; gRPC says to treat it as UNKNOWN.
  const code = status.code !== 0 && Code[status.code] !== undefined ? (status.code as Code) : Code.UNKNOWN;
  const message = code === Code.RESOURCE_EXHAUSTED ? whichMessageTooLarge(status.details, trailers) : status.details;
  return new RpcError(code, message, { details, trailers, cause });
}

const TOO_LARGE = /^Received message larger than max \((\d+) vs (\d+)\)$/;

/**
 * grpc-js words a message over the receive limit the same on both sides;
 * which side it was shows in the trailers: a status that came from the
 * server has HTTP headers (content-type at least), one made by this client
 * has none.
 */
function whichMessageTooLarge(details: string, trailers: Metadata): string {
  const sizes = TOO_LARGE.exec(details);
  if (!sizes) return details;
  return trailers.get("content-type") === undefined
    ? `response message larger than this client's maxReceiveMessageBytes (${sizes[1]} vs ${sizes[2]} bytes)`
    : `request message larger than the server's limit (${sizes[1]} vs ${sizes[2]} bytes)`;
}

/**
 * The status a server sends for a handler's error: an `RpcError` as is (its
 * details serialized into `grpc-status-details-bin`), anything else as
 * `INTERNAL` with an empty message so nothing about the server leaks.
 * `trailers` (from `setTrailer`) are merged under the error's own trailers.
 */
export function statusFromError(error: unknown, trailers: Metadata): grpc.StatusObject {
  if (!(error instanceof RpcError)) {
    return { code: grpcCode(Code.INTERNAL), details: "", metadata: toGrpcMetadata(trailers) };
  }
  const md = trailers.merge(error.trailers);
  if (error.details.length > 0) {
    md.set(STATUS_DETAILS_KEY, new Status({ code: error.code, message: error.message, details: error.details }).toBinary());
  }
  return { code: grpcCode(error.code), details: error.message, metadata: toGrpcMetadata(md) };
}

/** Our codes are grpc-js's numbers under another enum. */
function grpcCode(code: Code): grpc.status {
  return code as number;
}
