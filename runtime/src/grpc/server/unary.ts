import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { ServerCallContext, type MethodSite } from "./context.js";
import type { RespondOnce } from "./handler.js";

/** grpc-js handler of a unary method. */
export function unaryHandler(site: MethodSite, respond: RespondOnce): grpc.handleUnaryCall<AnyMessage, Buffer> {
  return (call, callback) => {
    const context = new ServerCallContext(call, site);
    respondOnce(context, respond, call.request, callback);
  };
}

/**
 * Answers a single-response call (unary or client-streaming) through
 * grpc-js's callback. One `then` with both reactions, not `then` and
 * `catch`: one promise less per call; a throw while encoding or answering
 * still ends the call with a status.
 */
export function respondOnce(
  context: ServerCallContext,
  respond: RespondOnce,
  request: AnyMessage | AsyncIterable<AnyMessage>,
  callback: grpc.sendUnaryData<Buffer>,
): void {
  const fail = (error: unknown) => {
    context.close();
    callback(context.failure(error));
  };
  respond(request, context).then((response) => {
    try {
      const bytes = respond.bytes(response);
      context.close();
      callback(null, bytes, context.grpcTrailers());
    } catch (error) {
      fail(error);
    }
  }, fail);
}
