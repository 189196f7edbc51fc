import type { Writable } from "node:stream";
import { ABORTED, closeQuietly, drained, pacer, unlessAborted } from "../iterables.js";
import type { ClientCallState } from "./call-state.js";

/**
 * Writes `requests` to a grpc-js client stream, waiting for `drain` when the
 * stream is full (so a fast producer never outruns HTTP/2 flow control), and
 * half-closes at the end of the iterable. Stops, closing the iterable, as
 * soon as the call ends; an iterable that throws cancels the call with its
 * error.
 */
export async function pumpRequests<I>(stream: Writable, requests: AsyncIterable<I>, state: ClientCallState): Promise<void> {
  const it = requests[Symbol.asyncIterator]();
  const pace = pacer();
  try {
    for (;;) {
      const r = await unlessAborted(it.next(), state.ended);
      if (r === ABORTED) return closeQuietly(it);
      if (r.done) {
        stream.end();
        return;
      }
      if (!stream.write(r.value) && (await unlessAborted(drained(stream), state.ended)) === ABORTED) return closeQuietly(it);
      await pace();
    }
  } catch (error) {
    state.fail(error);
  }
}
