import { RpcError } from "../rpc-error.js";

/**
 * `call`, a status error of it re-stacked here. grpc-js reports the status
 * from an event, and an eagerly started stream reads its first response
 * before anyone awaits it, so such an error's own stack has no frame of the
 * caller's; this async function is what the caller awaits, so a stack taken
 * in it carries the caller's frames (V8's async stack traces). Errors of the
 * caller's own making (no `method` set by the transport) keep their stack.
 */
export async function fromCaller<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof RpcError && error.method !== undefined) Error.captureStackTrace(error);
    throw error;
  }
}
