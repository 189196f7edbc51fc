import type { Writable } from "node:stream";
import type { AnyMessage, MessageType } from "../../message.js";
import { toMessage, type MessageInit } from "../definition.js";
import { ABORTED, closeQuietly, drained, iterate, pacer, unlessAborted } from "../iterables.js";
import type { ClientCallState } from "./call-state.js";

type Requests = AsyncIterable<MessageInit<AnyMessage>> | Iterable<MessageInit<AnyMessage>>;

/**
 * Writes `requests` (as instances of `type`) to a grpc-js client stream,
 * waiting for `drain` when the stream is full (so a fast producer never
 * outruns HTTP/2 flow control), and half-closes at the end of the iterable.
 * Stops, closing the iterable, as soon as the call ends; an iterable that
 * throws, or a request that is not a message, cancels the call with its error.
 */
export async function pumpRequests(stream: Writable, type: MessageType, requests: Requests, state: ClientCallState): Promise<void> {
  let it: AsyncIterator<MessageInit<AnyMessage>> | Iterator<MessageInit<AnyMessage>> | undefined;
  try {
    it = iterate(requests);
    const { ended } = state;
    // One abort race for the whole pump, not one per message: the loop itself stops at the next turn it sees `ended`.
    if ((await unlessAborted(writeAll(stream, type, it, ended), ended)) === ABORTED) closeQuietly(it);
  } catch (error) {
    if (it) closeQuietly(it);
    state.fail(error);
  }
}

async function writeAll(
  stream: Writable,
  type: MessageType,
  it: AsyncIterator<MessageInit<AnyMessage>> | Iterator<MessageInit<AnyMessage>>,
  ended: AbortSignal,
): Promise<void> {
  const pace = pacer();
  for (;;) {
    const r = await it.next();
    if (ended.aborted) return;
    if (r.done) {
      stream.end();
      return;
    }
    if (!stream.write(toMessage(type, r.value))) await drained(stream);
    const turn = pace();
    if (turn) await turn; // not `await pace()`: awaiting undefined still costs a microtask per message
    if (ended.aborted) return;
  }
}
