import type { Message, MessageType } from "../message.js";
import { toMessage, type MessageInit } from "./definition.js";

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * An async stream of partial messages as instances of `type`: what
 * `async function* (s) { for await (const m of s) yield toMessage(type, m); }`
 * does, written by hand because interceptors' streams pass every message
 * through it, and the generator costs three promise turns per message where
 * this costs one. Kept identical to the generator: the source's iterator is
 * taken at the first read; a message that cannot be converted closes the
 * source and fails the read; `return` closes the source and `throw` closes it
 * and rejects (neither touches a source not yet read); after the end every
 * read is done. One difference: a read made while another is under way goes
 * to the source at once rather than after it (an async generator, what
 * handlers and request streams are, queues it there itself).
 */
class MessageStream<T extends Message<T>> implements AsyncIterableIterator<T> {
  #source?: AsyncIterable<MessageInit<T>>;
  #it?: AsyncIterator<MessageInit<T>>;
  #done = false;

  constructor(
    private readonly type: MessageType<T>,
    source: AsyncIterable<MessageInit<T>>,
  ) {
    this.#source = source;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.#read();
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    return this.#close().then(() => ({ done: true, value }) as IteratorReturnResult<T>);
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    return this.#close().then(
      () => Promise.reject(error),
      () => Promise.reject(error),
    );
  }

  #read(): Promise<IteratorResult<T>> {
    if (this.#done) return Promise.resolve(DONE);
    let it = this.#it;
    if (!it) {
      const source = this.#source!;
      this.#source = undefined;
      try {
        it = this.#it = source[Symbol.asyncIterator]();
      } catch (error) {
        this.#done = true;
        return Promise.reject(error);
      }
    }
    return it.next().then(this.#onResult, this.#onError);
  }

  readonly #onResult = (r: IteratorResult<MessageInit<T>>): IteratorResult<T> | Promise<never> => {
    if (r === null || typeof r !== "object") return this.#onError(new TypeError(`iterator result ${String(r)} is not an object`));
    if (r.done) {
      this.#done = true;
      return DONE;
    }
    try {
      return { done: false, value: toMessage(this.type, r.value) };
    } catch (error) {
      // As a `for await` left by a throw: the source is closed, its own failure to close is ignored, the error stands.
      return this.#close().then(
        () => Promise.reject(error),
        () => Promise.reject(error),
      );
    }
  };

  readonly #onError = (error: unknown): Promise<never> => {
    this.#done = true;
    return Promise.reject(error);
  };

  /** Ends the stream, closing the source if it was being read. */
  #close(): Promise<void> {
    const it = this.#done ? undefined : this.#it;
    this.#done = true;
    this.#source = undefined;
    if (!it?.return) return Promise.resolve();
    return guarded(() => it.return!()).then((r) => {
      if (r === null || typeof r !== "object") throw new TypeError(`iterator result ${String(r)} is not an object`);
    });
  }
}

/** `step()`, a synchronous throw as a rejection. */
function guarded<R>(step: () => PromiseLike<R> | R): Promise<R> {
  try {
    return Promise.resolve(step());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** `source`'s partial messages as instances of `type`, converted as they are read. */
export function messageStream<T extends Message<T>>(type: MessageType<T>, source: AsyncIterable<MessageInit<T>>): AsyncIterableIterator<T> {
  return new MessageStream(type, source);
}
