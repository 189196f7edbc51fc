import type { AnyMessage } from "../../message.js";
import type { MessageInit } from "../definition.js";
import type { ServerCallContext } from "./context.js";

/**
 * What a grpc-js handler adapter calls once per call: the request (one
 * message, or the request stream) and the context in; the response out, a
 * promise for unary and client-streaming methods, a stream for the others.
 * Either the user's handler itself or the handler behind its interceptors.
 */
export type Respond = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => Promise<MessageInit<AnyMessage>> | AsyncIterable<MessageInit<AnyMessage>>;

/** `Respond` of a unary or client-streaming method: the response, or its bytes when the interceptors' path already encoded it. */
export type RespondOnce = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => Promise<MessageInit<AnyMessage> | Encoded>;

/** A response already encoded (see `encodedSingle` in implementation.ts). */
export class Encoded {
  constructor(readonly bytes: Buffer) {}
}

/** `Respond` of a server-streaming or bidi method. */
export type RespondStreaming = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => AsyncIterable<MessageInit<AnyMessage>>;
