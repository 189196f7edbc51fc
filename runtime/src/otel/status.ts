import { RpcError } from "../grpc/rpc-error.js";
import { Code } from "../grpc/status/code.js";

/** How a call ended, as telemetry reports it. */
export interface Outcome {
  code: Code;
  message?: string;
}

/** The status an error ends a call with: an RpcError's own code, `fallback` for anything else. */
export function outcomeOf(error: unknown, fallback: Code): Outcome {
  if (error instanceof RpcError) return { code: error.code, message: error.message };
  return { code: fallback, message: error instanceof Error ? error.message : String(error) };
}

// Semantic conventions: a server span is an error only for codes that mean the server failed.
const SERVER_ERRORS = new Set([Code.UNKNOWN, Code.DEADLINE_EXCEEDED, Code.UNIMPLEMENTED, Code.INTERNAL, Code.UNAVAILABLE, Code.DATA_LOSS]);

export function isServerError(code: Code): boolean {
  return SERVER_ERRORS.has(code);
}
