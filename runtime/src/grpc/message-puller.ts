import type { Readable } from "node:stream";

/**
 * Pulls messages one at a time from a grpc-js object stream (paused mode:
 * grpc-js reads the next message off HTTP/2 only when the buffer has room,
 * which is what keeps flow control end to end). `notify()` wakes a waiting
 * `next` when something other than data happens (end, status, abort).
 */
export class MessagePuller<T> {
  #wake?: () => void;

  constructor(private readonly stream: Readable) {
    stream.on("readable", this.notify);
  }

  readonly notify = (): void => {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  };

  /** The next message, or `undefined` once nothing is buffered and `ended()` holds. */
  async next(ended: () => boolean): Promise<T | undefined> {
    for (;;) {
      const m = this.stream.read() as T | null;
      if (m !== null) return m;
      if (ended()) return undefined;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}
