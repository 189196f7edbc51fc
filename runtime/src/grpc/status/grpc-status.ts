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
  return new RpcError(code, status.details, { details, trailers, cause });
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
