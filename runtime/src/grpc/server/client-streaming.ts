import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { serializer, type MethodDefinition } from "../definition.js";
import { ServerCallContext } from "./context.js";
import type { RespondOnce } from "./handler.js";
import { readRequests } from "./request-stream.js";
import { respondOnce } from "./unary.js";

/** grpc-js handler of a client-streaming method. */
export function clientStreamingHandler(method: MethodDefinition, respond: RespondOnce): grpc.handleClientStreamingCall<AnyMessage, Buffer> {
  const encode = serializer(method.O);
  return (call, callback) => {
    const context = new ServerCallContext(call);
    respondOnce(context, respond(readRequests<AnyMessage>(call, context), context), encode, callback);
  };
}
