import type { Writable } from "node:stream";
import type { Message, MessageType } from "../message.js";
import { toMessage, type MessageInit } from "./definition.js";
import { messageStream } from "./message-stream.js";
import { RpcError } from "./rpc-error.js";
import { Code } from "./status/code.js";

/**
 * The one message of a unary or client-streaming call, through `convert`.
 * Interceptors see it as a stream, which is read to its end so code after
 * their `yield*` runs; a `convert` that throws (a response that cannot be
 * encoded) throws back in where the message was yielded, so they see that too.
 */
export async function single<T, R = T>(responses: AsyncIterable<T>, convert: (value: T) => R = (value) => value as unknown as R): Promise<R> {
  const it = responses[Symbol.asyncIterator]();
  let result: { value: R } | undefined;
  let r = await it.next();
  while (!r.done) {
    if (result) {
      await it.return?.();
      throw new RpcError(Code.INTERNAL, "the call produced more than one response message");
    }
    try {
      result = { value: convert(r.value) };
    } catch (error) {
      if (!it.throw) throw error;
      r = await it.throw(error);
      continue;
    }
    r = await it.next();
  }
  if (!result) throw new RpcError(Code.INTERNAL, "the call produced no response message");
  return result.value;
}

/** Partial messages as instances of `type`, sync or async source alike (anything else fails the first read). */
export function toMessages<T extends Message<T>>(
  type: MessageType<T>,
  source: AsyncIterable<MessageInit<T>> | Iterable<MessageInit<T>>,
): AsyncIterableIterator<T> {
  const s = source as Partial<AsyncIterable<MessageInit<T>>> | null | undefined;
  return typeof s?.[Symbol.asyncIterator] === "function" ? messageStream(type, source as AsyncIterable<MessageInit<T>>) : convertAll(type, source);
}

async function* convertAll<T extends Message<T>>(type: MessageType<T>, source: AsyncIterable<MessageInit<T>> | Iterable<MessageInit<T>>): AsyncGenerator<T> {
  for await (const m of source) yield toMessage(type, m);
}

/** The iterator of a sync or async iterable (a `TypeError` for anything else, as `for await` would throw). */
export function iterate<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  const s = source as Partial<AsyncIterable<T> & Iterable<T>> | null | undefined;
  const asyncIterator = s?.[Symbol.asyncIterator];
  if (typeof asyncIterator === "function") return asyncIterator.call(s);
  const iterator = s?.[Symbol.iterator];
  if (typeof iterator === "function") return iterator.call(s);
  throw new TypeError(`expected an iterable or async iterable, got ${s === null ? "null" : typeof s}`);
}

/** Closes a sync or async iterator without waiting for it or caring how it ends. */
export function closeQuietly(it: AsyncIterator<unknown> | Iterator<unknown>): void {
  try {
    Promise.resolve(it.return?.()).catch(() => undefined);
  } catch {
    // a sync return() that throws: nothing to report, the call is over
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The one message of a unary or client-streaming call as the stream
 * interceptors see, `message()` called at the first read (a sync throw
 * fails that read). Written by hand rather than as an async generator: the
 * interceptors' path runs it on every call, and a generator costs several
 * promises more per read.
 */
class OneMessage<T> implements AsyncIterableIterator<T> {
  #message?: () => T | PromiseLike<T>;

  constructor(message: () => T | PromiseLike<T>) {
    this.#message = message;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    const message = this.#message;
    if (!message) return Promise.resolve(DONE);
    this.#message = undefined;
    try {
      return Promise.resolve(message()).then(asResult);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return(): Promise<IteratorResult<T>> {
    this.#message = undefined;
    return Promise.resolve(DONE);
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    this.#message = undefined;
    return Promise.reject(error);
  }
}

function asResult<T>(value: T): IteratorResult<T> {
  return { done: false, value };
}

/** A one-message stream of what `message()` returns or resolves to, called when it is first read. */
export function oneMessage<T>(message: () => T | PromiseLike<T>): AsyncIterableIterator<T> {
  return new OneMessage(message);
}

/** A stream that fails with `error` when read. */
// eslint-disable-next-line require-yield -- the generator's first read throws: that is the stream
export async function* failed(error: unknown): AsyncGenerator<never> {
  throw error;
}

export const ABORTED: unique symbol = Symbol("aborted");

/**
 * `promise`, or `ABORTED` as soon as `signal` aborts. The abort listener is
 * removed when `promise` settles.
 */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Messages written between two turns of the event loop. grpc-js completes a
 * write within the same turn while HTTP/2 has window, so a synchronous source
 * (an array, a generator) would otherwise never let I/O, timers or the peer's
 * status through until the window fills.
 */
const WRITES_PER_TURN = 64;

/** A write-side pacer: the promise `pace()` returns after each message, awaited, yields to the event loop every WRITES_PER_TURN messages. */
export function pacer(): () => Promise<void> | undefined {
  let writes = 0;
  return () => (++writes % WRITES_PER_TURN === 0 ? new Promise<void>((resolve) => setImmediate(resolve)) : undefined);
}

/** Resolves when a full stream has room again. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => stream.once("drain", resolve));
}
