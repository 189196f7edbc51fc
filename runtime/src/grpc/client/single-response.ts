import type * as grpc from "@grpc/grpc-js";
import type { CallOptions } from "../call-options.js";
import type { MethodDefinition } from "../definition.js";
import { ClientCallState } from "./call-state.js";

type Callback<O> = (error: grpc.ServiceError | null, value?: O) => void;

/**
 * Runs a call with one response (unary or client-streaming): `start` makes
 * the grpc-js call with the callback it is given. The promise settles on the
 * status event, so `onTrailer` has run by then.
 */
export function singleResponse<O>(
  client: grpc.Client,
  method: MethodDefinition,
  options: CallOptions,
  start: (callback: Callback<O>) => grpc.ClientUnaryCall | grpc.ClientWritableStream<unknown>,
): {
  state: ClientCallState;
  response: Promise<O>;
} {
  let error: grpc.ServiceError | null = null;
  let value: O | undefined;
  const grpcCall = start((e, v) => {
    error = e;
    value = v;
  });
  const state = new ClientCallState(grpcCall, options, client, method);
  const response = new Promise<O>((resolve, reject) => {
    grpcCall.on("status", (status: grpc.StatusObject) => {
      const failure = state.finish(status, error);
      if (failure) reject(failure.error);
      else resolve(value as O);
    });
  });
  return { state, response };
}
