import type { Writable } from "node:stream";
import type { AnyMessage, MessageType } from "../../message.js";
import { serializer } from "../definition.js";
import { ABORTED, closeQuietly, drained, pacer, unlessAborted } from "../iterables.js";
import type { ServerCallContext } from "./context.js";

/**
 * Writes a handler's responses to a grpc-js server stream, encoding each one
 * here (so an encoding failure is the handler's error, not grpc-js's), and
 * waiting for `drain` when the stream is full so a fast generator never
 * outruns a slow client. Returns `false` if the call was cancelled first; the
 * response iterator is then `return()`ed.
 */
export async function pumpResponses(stream: Writable, type: MessageType, responses: AsyncIterable<AnyMessage>, context: ServerCallContext): Promise<boolean> {
  const encode = serializer(type);
  const it = responses[Symbol.asyncIterator]();
  const pace = pacer();
  for (;;) {
    const r = await unlessAborted(it.next(), context.signal);
    if (r === ABORTED) {
      closeQuietly(it);
      return false;
    }
    if (r.done) return true;
    const bytes = encode(r.value);
    context.markHeaderSent();
    if (!stream.write(bytes) && (await unlessAborted(drained(stream), context.signal)) === ABORTED) {
      closeQuietly(it);
      return false;
    }
    await pace();
  }
}
