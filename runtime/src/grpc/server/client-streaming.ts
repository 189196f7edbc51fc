import type * as grpc from "@grpc/grpc-js";
import type { AnyMessage } from "../../message.js";
import { ServerCallContext, type MethodSite } from "./context.js";
import type { RespondOnce } from "./handler.js";
import { readRequests } from "./request-stream.js";
import { respondOnce } from "./unary.js";

/** grpc-js handler of a client-streaming method. */
export function clientStreamingHandler(site: MethodSite, respond: RespondOnce): grpc.handleClientStreamingCall<AnyMessage, Buffer> {
  return (call, callback) => {
    const context = new ServerCallContext(call, site);
    respondOnce(context, respond, readRequests<AnyMessage>(call, context), callback);
  };
}
