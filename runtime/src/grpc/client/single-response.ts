import type * as grpc from "@grpc/grpc-js";
import type { ClientCall } from "../interceptors.js";
import { ClientCallState } from "./call-state.js";

type Callback<O> = (error: grpc.ServiceError | null, value?: O) => void;

/**
 * Runs a call with one response (unary or client-streaming): `start` makes
 * the grpc-js call with the callback it is given. The promise settles on the
 * status event, so `onTrailer` has run by then.
 */
export function singleResponse<O>(call: ClientCall<any, any>, start: (callback: Callback<O>) => grpc.ClientUnaryCall | grpc.ClientWritableStream<unknown>): {
  state: ClientCallState;
  response: Promise<O>;
} {
  let outcome: { error: grpc.ServiceError | null; value?: O } = { error: null };
  const grpcCall = start((error, value) => (outcome = { error, value }));
  const state = new ClientCallState(grpcCall, call.options);
  const response = new Promise<O>((resolve, reject) => {
    grpcCall.on("status", (status: grpc.StatusObject) => {
      const failure = state.finish(status, outcome.error);
      if (failure) reject(failure.error);
      else resolve(outcome.value as O);
    });
  });
  return { state, response };
}
