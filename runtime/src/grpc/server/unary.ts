import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { serializer, type MethodDefinition } from "../definition.js";
import { single } from "../iterables.js";
import { toGrpcMetadata } from "../metadata-grpc.js";
import { statusFromError } from "../status/grpc-status.js";
import { ServerCallContext } from "./context.js";
import type { RunCall } from "./handler.js";

/** grpc-js handler of a unary method. */
export function unaryHandler(method: MethodDefinition, run: RunCall): grpc.handleUnaryCall<AnyMessage, Buffer> {
  const encode = serializer(method.O);
  return (call, callback) => {
    const context = new ServerCallContext(call);
    respondOnce(context, single(run({ method, context, requestStream: false, request: call.request })), encode, callback);
  };
}

/** Answers a single-response call (unary or client-streaming) through grpc-js's callback. */
export function respondOnce(context: ServerCallContext, response: Promise<AnyMessage>, encode: (m: AnyMessage) => Buffer, callback: grpc.sendUnaryData<Buffer>): void {
  response
    .then((message) => {
      const bytes = encode(message);
      context.close();
      callback(null, bytes, toGrpcMetadata(context.trailers));
    })
    .catch((error: unknown) => {
      context.close();
      callback(statusFromError(error, context.trailers));
    });
}
