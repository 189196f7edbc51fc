/** How a call's response stream ended: read to its end, failed with an error, or left by its reader before the end. */
export type Ending = "completed" | "failed" | "abandoned";

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** One step of the stream below: `next()`, or `throw(error)` when `thrown` is given (boxed: `undefined` can be thrown too). */
export function advance<T>(inner: AsyncIterator<T>, thrown?: { error: unknown }): Promise<IteratorResult<T>> {
  return thrown && inner.throw ? inner.throw(thrown.error) : inner.next();
}

/**
 * A call's responses as a telemetry interceptor passes them on: every read
 * forwarded to the stream below, each response and the end reported to the
 * subclass (the end exactly once). `throw` and `return` reach the stream
 * below as they would through `yield*`. Written by hand rather than as an
 * async generator: this runs on every call, and a generator costs several
 * promises per read where this costs one.
 */
export abstract class ObservedStream<T> implements AsyncIterableIterator<T> {
  readonly #inner: AsyncIterator<T>;
  #ended = false;

  constructor(responses: AsyncIterable<T>) {
    this.#inner = responses[Symbol.asyncIterator]();
  }

  /** A response is being passed on. */
  protected abstract message(): void;

  /** The call ended (`error` is what it failed with). */
  protected abstract end(ending: Ending, error?: unknown): void;

  /** Runs one step of the stream below (the server runs it with the span's context active). */
  protected resume(inner: AsyncIterator<T>, thrown?: { error: unknown }): Promise<IteratorResult<T>> {
    return advance(inner, thrown);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.#step();
  }

  throw(error: unknown): Promise<IteratorResult<T>> {
    if (this.#inner.throw) return this.#step({ error });
    this.#finish("failed", error);
    return Promise.reject(error);
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    this.#finish("abandoned");
    return this.#inner.return ? this.#inner.return(value) : Promise.resolve(DONE);
  }

  #step(thrown?: { error: unknown }): Promise<IteratorResult<T>> {
    let result: Promise<IteratorResult<T>>;
    try {
      result = this.resume(this.#inner, thrown);
    } catch (error) {
      result = Promise.reject(error);
    }
    return result.then(this.#onResult, this.#onError);
  }

  readonly #onResult = (r: IteratorResult<T>): IteratorResult<T> => {
    if (r.done) this.#finish("completed");
    else if (!this.#ended) this.message();
    return r;
  };

  readonly #onError = (error: unknown): never => {
    this.#finish("failed", error);
    throw error;
  };

  #finish(ending: Ending, error?: unknown): void {
    if (this.#ended) return;
    this.#ended = true;
    this.end(ending, error);
  }
}
