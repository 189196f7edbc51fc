import { fromCaller } from "./caller-stack.js";

/**
 * `responses` with its first `next()` already issued, so the call behind it
 * starts when the client method is called rather than when reading starts.
 * A rejection of that early read is reported to whoever reads it, with
 * their frames in its stack.
 */
export function startEagerly<T>(responses: AsyncIterable<T>): AsyncIterable<T> {
  const it = responses[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<T>> | undefined = it.next();
  first.catch(() => undefined);
  let taken = false;
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      if (taken) throw new TypeError("a response stream can be read only once");
      taken = true;
      return {
        next: () => {
          const f = first;
          first = undefined;
          return f ? fromCaller(f) : it.next();
        },
        return: (value?: unknown) => {
          first = undefined;
          return it.return ? it.return(value) : Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
