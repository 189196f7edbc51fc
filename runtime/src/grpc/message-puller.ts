import type { Readable } from "node:stream";

/**
 * Messages queued before the stream is paused; grpc-js's own buffer (16
 * messages) and HTTP/2's window come on top, and stop the peer when full.
 */
const QUEUE_LIMIT = 16;

/**
 * Takes messages from a grpc-js object stream in flowing mode (a `data`
 * event costs less than a paused-mode `read()` with its `readable` round
 * trip) and pauses the stream while `QUEUE_LIMIT` messages wait, which is
 * what keeps flow control end to end: grpc-js reads the next message off
 * HTTP/2 only when its buffer has room. `notify()` wakes whoever waits when
 * something other than data happens (end, status, abort).
 */
export class MessagePuller<T> {
  // A queue that empties completely between bursts: indexes reset then, so the array is reused, never shifted or truncated.
  readonly #queue: (T | undefined)[] = [];
  #head = 0;
  #tail = 0;
  #wake?: () => void;

  constructor(private readonly stream: Readable) {
    stream.on("data", (m: T) => {
      this.#queue[this.#tail++] = m;
      if (this.#tail - this.#head >= QUEUE_LIMIT) stream.pause();
      this.notify();
    });
  }

  readonly notify = (): void => {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  };

  /** The next message received, or null when none is waiting. */
  read(): T | null {
    if (this.#head === this.#tail) return null;
    const m = this.#queue[this.#head]!;
    this.#queue[this.#head++] = undefined;
    if (this.#head === this.#tail) {
      this.#head = this.#tail = 0;
      if (this.stream.isPaused()) this.stream.resume();
    }
    return m;
  }

  /** Resolves at the next `notify()` (data, or whatever else the owner reports). */
  wait(): Promise<void> {
    return new Promise<void>((resolve) => {
      const earlier = this.#wake;
      this.#wake = earlier
        ? () => {
            earlier();
            resolve();
          }
        : resolve;
    });
  }
}
