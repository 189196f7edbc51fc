import type { Readable } from "node:stream";
import { MessagePuller } from "../message-puller.js";
import type { ServerCallContext } from "./context.js";

const HALF_CLOSE_GRACE_TURNS = 3;

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

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
 * its status is sent. Written by hand rather than as an async generator: a
 * message already buffered is handed out with one resolved promise.
 */
class RequestStream<I> implements AsyncIterableIterator<I> {
  readonly #puller: MessagePuller<I>;
  #ended = false;
  #done = false;

  constructor(
    stream: Readable,
    private readonly signal: AbortSignal,
  ) {
    const puller = (this.#puller = new MessagePuller<I>(stream));
    // A Node client that cancels first ends its side of the HTTP/2 stream
    // (END_STREAM: a clean half-close on the wire) and sends RST_STREAM a turn
    // later. When the end arrives the stream looks like any half-close (rstCode
    // 0, not aborted, not closed): no signal tells a cancel apart, so wait a few
    // turns for the reset. That always suffices when client and server share a
    // process; a client in another process, busy after cancelling, is often
    // late, and the handler then sees a complete stream (half-close.slow.test.ts,
    // docs/GRPC.md).
    stream.on("end", () =>
      afterTurns(HALF_CLOSE_GRACE_TURNS, () => {
        this.#ended = true;
        puller.notify();
      }),
    );
    // grpc-js reports failures through the call's status; keep 'error' from being unhandled.
    stream.on("error", puller.notify);
    signal.addEventListener("abort", puller.notify, { once: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<I>> {
    const m = this.#done || this.signal.aborted ? null : this.#puller.read();
    return m !== null ? Promise.resolve({ done: false, value: m }) : this.#await();
  }

  async #await(): Promise<IteratorResult<I>> {
    while (!this.#done) {
      if (this.signal.aborted) {
        this.#done = true;
        throw this.signal.reason;
      }
      const m = this.#puller.read();
      if (m !== null) return { done: false, value: m };
      if (this.#ended) {
        this.#done = true;
        break;
      }
      await this.#puller.wait();
    }
    return DONE;
  }

  return(): Promise<IteratorResult<I>> {
    this.#done = true;
    this.#puller.notify();
    return Promise.resolve(DONE);
  }
}

export function readRequests<I>(stream: Readable, context: ServerCallContext): AsyncIterableIterator<I> {
  return new RequestStream<I>(stream, context.signal);
}
