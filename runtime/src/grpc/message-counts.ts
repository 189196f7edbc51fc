import type { AnyMessage, MessageType } from "../message.js";
import { deserializer, serializer, type MessageInit } from "./definition.js";

/**
 * The encoded messages of one call so far, as interceptors see them
 * (`call.counts`): protobuf bytes before compression (grpc-js compresses
 * below the runtime), counted as each message is encoded or decoded. A sent
 * message is counted once it is encoded for the wire, a received one before
 * it reaches the interceptors.
 */
export interface MessageCounts {
  sent: number;
  sentBytes: number;
  received: number;
  receivedBytes: number;
}

export function newCounts(): MessageCounts {
  return { sent: 0, sentBytes: 0, received: 0, receivedBytes: 0 };
}

export function countSent(counts: MessageCounts, bytes: { readonly length: number }): void {
  counts.sent++;
  counts.sentBytes += bytes.length;
}

/** `serializer(type)`, counting into `counts` when given (calls that go through interceptors). */
export function countingSerializer(type: MessageType, counts: MessageCounts | undefined): (value: MessageInit<AnyMessage>) => Buffer {
  const encode = serializer(type);
  if (!counts) return encode;
  return (value) => {
    const bytes = encode(value);
    countSent(counts, bytes);
    return bytes;
  };
}

/** `deserializer(type)`, counting into `counts` when given. */
export function countingDeserializer(type: MessageType, counts: MessageCounts | undefined): (bytes: Buffer) => AnyMessage {
  const decode = deserializer(type);
  if (!counts) return decode;
  return (bytes) => {
    const message = decode(bytes);
    counts.received++;
    counts.receivedBytes += bytes.length;
    return message;
  };
}

// A server decodes requests in grpc-js, per method rather than per call: the
// size of each request is kept beside the message it became until the call's
// counts take it (servers with interceptors only).
const decodedSizes = new WeakMap<object, number>();

/** A server's request deserializer for `type` that remembers each message's encoded size. */
export function sizeRecordingDeserializer(type: MessageType): (bytes: Buffer) => AnyMessage {
  const decode = deserializer(type);
  return (bytes) => {
    const message = decode(bytes);
    decodedSizes.set(message, bytes.length);
    return message;
  };
}

/** Counts a request decoded by a `sizeRecordingDeserializer` as received. */
export function countReceived(counts: MessageCounts, message: object): void {
  counts.received++;
  counts.receivedBytes += decodedSizes.get(message) ?? 0;
}

/** `requests` counted into `counts` as they are read. */
export function countedRequests<T extends object>(requests: AsyncIterable<T>, counts: MessageCounts): AsyncIterableIterator<T> {
  const it = requests[Symbol.asyncIterator]();
  const counted: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => counted,
    next: () =>
      it.next().then((r) => {
        if (!r.done) countReceived(counts, r.value);
        return r;
      }),
    return: (value?: unknown) => (it.return ? it.return(value) : Promise.resolve({ done: true, value: undefined })),
  };
  return counted;
}
