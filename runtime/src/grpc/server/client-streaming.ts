import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { serializer, type MethodDefinition } from "../definition.js";
import { single } from "../iterables.js";
import { ServerCallContext } from "./context.js";
import type { RunCall } from "./handler.js";
import { readRequests } from "./request-stream.js";
import { respondOnce } from "./unary.js";

/** grpc-js handler of a client-streaming method. */
export function clientStreamingHandler(method: MethodDefinition, run: RunCall): grpc.handleClientStreamingCall<AnyMessage, Buffer> {
  const encode = serializer(method.O);
  return (call, callback) => {
    const context = new ServerCallContext(call);
    const requests = readRequests<AnyMessage>(call, context);
    respondOnce(context, single(run({ method, context, requestStream: true, request: requests })), encode, callback);
  };
}
