import type { Readable } from "node:stream";

/**
 * Pulls messages one at a time from a grpc-js object stream (paused mode:
 * grpc-js reads the next message off HTTP/2 only when the buffer has room,
 * which is what keeps flow control end to end). `notify()` wakes whoever
 * waits when something other than data happens (end, status, abort).
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

  /** The next buffered message, or null when none is buffered yet. */
  read(): T | null {
    return this.stream.read() as T | null;
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
