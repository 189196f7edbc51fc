import type * as grpc from "@grpc/grpc-js";
import type { Readable } from "node:stream";
import { MessagePuller } from "../message-puller.js";
import type { ClientCallState } from "./call-state.js";

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The responses of a grpc-js client stream, pulled one at a time so a slow
 * consumer slows the server. Ends after the status: every buffered message
 * is delivered first, then `onTrailer` runs and a non-OK status throws.
 * Leaving early (`break`, `return()`) cancels the call. Listeners are
 * attached at once, so no event is missed however late reading starts.
 * Written by hand rather than as an async generator: a message already
 * buffered is handed out with one resolved promise.
 */
class ResponseStream<O> implements AsyncIterableIterator<O> {
  readonly #puller: MessagePuller<O>;
  #status?: grpc.StatusObject;
  #done = false;

  constructor(
    stream: Readable,
    private readonly state: ClientCallState,
  ) {
    this.#puller = new MessagePuller<O>(stream);
    stream.on("status", (s: grpc.StatusObject) => {
      this.#status = s;
      this.#puller.notify();
    });
    // The status event carries every error; this only keeps 'error' from being unhandled.
    stream.on("error", () => undefined);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<O>> {
    const m = this.#done ? null : this.#puller.read();
    return m !== null ? Promise.resolve({ done: false, value: m }) : this.#await();
  }

  async #await(): Promise<IteratorResult<O>> {
    while (!this.#done) {
      const m = this.#puller.read();
      if (m !== null) return { done: false, value: m };
      const status = this.#status;
      if (status) {
        this.#done = true;
        const failure = this.state.finish(status);
        if (failure) throw failure.error;
        break;
      }
      await this.#puller.wait();
    }
    return DONE;
  }

  return(): Promise<IteratorResult<O>> {
    if (!this.#done) {
      this.#done = true;
      if (!this.#status) this.state.abandon();
    }
    this.#puller.notify();
    return Promise.resolve(DONE);
  }
}

export function readResponses<O>(stream: Readable, state: ClientCallState): AsyncIterableIterator<O> {
  return new ResponseStream<O>(stream, state);
}
