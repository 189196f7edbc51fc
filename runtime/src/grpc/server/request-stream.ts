import type { Readable } from "node:stream";
import { MessagePuller } from "../message-puller.js";
import type { ServerCallContext } from "./context.js";

const HALF_CLOSE_GRACE_TURNS = 3;

/** Runs `f` after `turns` turns of the event loop (each setImmediate lands past one poll phase). */
function afterTurns(turns: number, f: () => void): void {
  if (turns === 0) f();
  else setImmediate(() => afterTurns(turns - 1, f));
}

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
  // A client that cancels resets the HTTP/2 stream, which grpc-js reports as
  // a half-close first and as a cancellation once Node has closed the stream,
  // in the next turns of the event loop (measured: always within two, however
  // busy the process): wait them out, so a cancelled stream throws instead
  // of ending cleanly.
  stream.on("end", () =>
    afterTurns(HALF_CLOSE_GRACE_TURNS, () => {
      ended = true;
      puller.notify();
    }),
  );
  // grpc-js reports failures through the call's status; keep 'error' from being unhandled.
  stream.on("error", puller.notify);
  context.signal.addEventListener("abort", puller.notify, { once: true });
  const { signal } = context;

  async function* read(): AsyncGenerator<I> {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const m = await puller.next(() => ended || signal.aborted);
      if (m !== undefined) yield m;
      else if (ended && !signal.aborted) return;
    }
  }
  return read();
}
