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
export async function pumpResponses(
  stream: Writable,
  type: MessageType,
  responses: AsyncIterable<MessageInit<AnyMessage>>,
  context: ServerCallContext,
): Promise<boolean> {
  const it = responses[Symbol.asyncIterator]();
  const { signal } = context;
  // One abort race for the whole pump, not one per message: the loop itself stops at the next turn it sees the abort.
  if ((await unlessAborted(writeAll(stream, countingSerializer(type, context.counts), it, context), signal)) === ABORTED) {
    closeQuietly(it);
    return false;
  }
  return true;
}

async function writeAll(
  stream: Writable,
  encode: (m: MessageInit<AnyMessage>) => Buffer,
  it: AsyncIterator<MessageInit<AnyMessage>>,
  context: ServerCallContext,
): Promise<void> {
  const pace = pacer();
  let r = await it.next();
  while (!r.done && !context.cancelled) {
    let bytes: Buffer;
    try {
      bytes = encode(r.value);
    } catch (error) {
      // Thrown back in where the response was yielded, so interceptors (and the handler's own generator) see it.
      if (!it.throw) throw error;
      r = await it.throw(error);
      continue;
    }
    context.markHeaderSent();
    if (!stream.write(bytes)) await drained(stream);
    const turn = pace();
    if (turn) await turn; // not `await pace()`: awaiting undefined still costs a microtask per message
    if (context.cancelled) return;
    r = await it.next();
  }
}
