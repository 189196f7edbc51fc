import type { AnyMessage } from "../../message.js";
import type { MessageInit } from "../definition.js";
import type { ServerCallContext } from "./context.js";

/**
 * What a grpc-js handler adapter calls once per call: the request (one
 * message, or the request stream) and the context in; the response out, its
 * bytes for unary and client-streaming methods (encoded where interceptors
 * can see an encoding failure), a stream for the others. Either the user's
 * handler itself or the handler behind its interceptors.
 */
export type Respond = RespondOnce | RespondStreaming;

/** `Respond` of a unary or client-streaming method. */
export type RespondOnce = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => Promise<Buffer>;

/** `Respond` of a server-streaming or bidi method. */
export type RespondStreaming = (request: AnyMessage | AsyncIterable<AnyMessage>, context: ServerCallContext) => AsyncIterable<MessageInit<AnyMessage>>;
