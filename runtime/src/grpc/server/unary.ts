import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { ServerCallContext, type MethodSite } from "./context.js";
import type { RespondOnce } from "./handler.js";

/** grpc-js handler of a unary method. */
export function unaryHandler(site: MethodSite, respond: RespondOnce): grpc.handleUnaryCall<AnyMessage, Buffer> {
  return (call, callback) => {
    const context = new ServerCallContext(call, site);
    respondOnce(context, respond(call.request, context), callback);
  };
}

/** Answers a single-response call (unary or client-streaming) through grpc-js's callback. */
export function respondOnce(context: ServerCallContext, response: Promise<Buffer>, callback: grpc.sendUnaryData<Buffer>): void {
  response
    .then((bytes) => {
      context.close();
      callback(null, bytes, context.grpcTrailers());
    })
    .catch((error: unknown) => {
      context.close();
      callback(context.failure(error));
    });
}
