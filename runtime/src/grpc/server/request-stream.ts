import type { Readable } from "node:stream";
import { MessagePuller } from "../message-puller.js";
import type { ServerCallContext } from "./context.js";

/**
 * The requests of a grpc-js server stream as an async iterable, pulled one at
 * a time to keep flow control. The client's half-close ends it; cancellation
 * or the deadline makes it throw the context's reason. Reading by hand
 * instead of `for await` over the stream matters: Node destroys a stream
 * whose async iterator finishes, and on a duplex that kills the call before
 * its status is sent.
 */
export function readRequests<I>(stream: Readable, context: ServerCallContext): AsyncGenerator<I> {
  const puller = new MessagePuller<I>(stream);
  let ended = false;
  stream.on("end", () => {
    ended = true;
    puller.notify();
  });
  // grpc-js reports failures through the call's status; keep 'error' from being unhandled.
  stream.on("error", puller.notify);
  context.signal.addEventListener("abort", puller.notify, { once: true });
  const { signal } = context;

  async function* read(): AsyncGenerator<I> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const m = await puller.next(() => ended || signal.aborted);
      if (m !== undefined) yield m;
      else if (ended) return;
    }
  }
  return read();
}
