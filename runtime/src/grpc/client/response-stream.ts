import type * as grpc from "@grpc/grpc-js";
import type { Readable } from "node:stream";
import { MessagePuller } from "../message-puller.js";
import type { ClientCallState } from "./call-state.js";

/**
 * The responses of a grpc-js client stream, pulled one at a time so a slow
 * consumer slows the server. Ends after the status: every buffered message
 * is delivered first, then `onTrailer` runs and a non-OK status throws.
 * Leaving early (`break`, `return()`) cancels the call. Listeners are
 * attached at once, so no event is missed however late reading starts.
 */
export function readResponses<O>(stream: Readable, state: ClientCallState): AsyncGenerator<O> {
  const puller = new MessagePuller<O>(stream);
  let status: grpc.StatusObject | undefined;
  stream.on("status", (s: grpc.StatusObject) => {
    status = s;
    puller.notify();
  });
  // The status event carries every error; this only keeps 'error' from being unhandled.
  stream.on("error", () => undefined);

  async function* read(): AsyncGenerator<O> {
    try {
      for (let m; (m = await puller.next(() => status !== undefined)) !== undefined; ) yield m;
    } finally {
      if (!status) state.abandon();
    }
    const failure = state.finish(status!);
    if (failure) throw failure.error;
  }
  return read();
}
