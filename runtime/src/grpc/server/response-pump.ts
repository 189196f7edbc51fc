import type { Writable } from "node:stream";
import type { AnyMessage, MessageType } from "../../message.js";
import type { MessageInit } from "../definition.js";
import { countingSerializer } from "../message-counts.js";
import { ABORTED, closeQuietly, drained, pacer, unlessAborted } from "../iterables.js";
import type { ServerCallContext } from "./context.js";

/**
 * Writes a handler's responses to a grpc-js server stream, encoding each one
 * here (so an encoding failure is the handler's error, not grpc-js's), and
 * waiting for `drain` when the stream is full so a fast generator never
 * outruns a slow client. Returns `false` if the call was cancelled first; the
 * response iterator is then `return()`ed.
 */
export async function pumpResponses(stream: Writable, type: MessageType, responses: AsyncIterable<MessageInit<AnyMessage>>, context: ServerCallContext): Promise<boolean> {
  const it = responses[Symbol.asyncIterator]();
  const { signal } = context;
  // One abort race for the whole pump, not one per message: the loop itself stops at the next turn it sees the abort.
  if ((await unlessAborted(writeAll(stream, countingSerializer(type, context.counts), it, context), signal)) === ABORTED) {
    closeQuietly(it);
    return false;
  }
  return true;
}

async function writeAll(stream: Writable, encode: (m: MessageInit<AnyMessage>) => Buffer, it: AsyncIterator<MessageInit<AnyMessage>>, context: ServerCallContext): Promise<void> {
  const pace = pacer();
  for (;;) {
    const r = await it.next();
    if (r.done || context.cancelled) return;
    let bytes: Buffer;
    try {
      bytes = encode(r.value);
    } catch (error) {
      throw await throwInto(it, error);
    }
    context.markHeaderSent();
    if (!stream.write(bytes)) await drained(stream);
    const turn = pace();
    if (turn) await turn; // not `await pace()`: awaiting undefined still costs a microtask per message
    if (context.cancelled) return;
  }
}

/**
 * Throws `error` (a response that could not be encoded) into the iterator
 * that produced the response, so the handler's interceptors see the failure
 * the call ends with and the handler's `finally` runs; resolves to the error
 * that comes back out, which is the call's.
 */
export async function throwInto(it: AsyncIterator<unknown>, error: unknown): Promise<unknown> {
  try {
    await it.throw?.(error);
  } catch (thrown) {
    return thrown;
  }
  return error;
}
