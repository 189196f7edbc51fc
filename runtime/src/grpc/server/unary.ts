import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { serializer, type MessageInit, type MethodDefinition } from "../definition.js";
import { statusFromError } from "../status/grpc-status.js";
import { ServerCallContext } from "./context.js";
import { Encoded, type RespondOnce } from "./handler.js";

/** grpc-js handler of a unary method. */
export function unaryHandler(method: MethodDefinition, respond: RespondOnce): grpc.handleUnaryCall<AnyMessage, Buffer> {
  const encode = serializer(method.O);
  return (call, callback) => {
    const context = new ServerCallContext(call);
    respondOnce(context, respond(call.request, context), encode, callback);
  };
}

/** Answers a single-response call (unary or client-streaming) through grpc-js's callback. */
export function respondOnce(
  context: ServerCallContext,
  response: Promise<MessageInit<AnyMessage> | Encoded>,
  encode: (m: MessageInit<AnyMessage>) => Buffer,
  callback: grpc.sendUnaryData<Buffer>,
): void {
  response
    .then((message) => {
      const bytes = message instanceof Encoded ? message.bytes : encode(message);
      context.close();
      callback(null, bytes, context.grpcTrailers());
    })
    .catch((error: unknown) => {
      context.close();
      callback(statusFromError(error, context.trailers));
    });
}
