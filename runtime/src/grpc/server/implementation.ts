import type { AnyMessage, Message } from "../../message.js";
import type { MessageInit, MethodDefinition, ServiceDefinition } from "../definition.js";
import type { ServerCall } from "../interceptors.js";
import { toMessage } from "../definition.js";
import { toMessages } from "../iterables.js";
import { RpcError } from "../rpc-error.js";
import { Code } from "../status/code.js";
import type { CallContext } from "./context.js";

/** The handler a method of kind `K` needs. */
export type MethodHandler<I extends Message<I>, O extends Message<O>, K> = K extends "unary"
  ? (request: I, context: CallContext) => Promise<MessageInit<O>>
  : K extends "server_streaming"
    ? (request: I, context: CallContext) => AsyncIterable<MessageInit<O>>
    : K extends "client_streaming"
      ? (requests: AsyncIterable<I>, context: CallContext) => Promise<MessageInit<O>>
      : K extends "bidi_streaming"
        ? (requests: AsyncIterable<I>, context: CallContext) => AsyncIterable<MessageInit<O>>
        : never;

/** What `server.add(definition, implementation)` takes for `S`: one handler per method. */
export type ServiceImplementation<S extends ServiceDefinition> = {
  [K in keyof S["methods"]]: S["methods"][K] extends MethodDefinition<infer I, infer O, infer Kind> ? MethodHandler<I, O, Kind> : never;
};

type AnyHandler = (...args: never[]) => unknown;

/** A method's handler (or UNIMPLEMENTED when absent) in the uniform shape interceptors wrap. */
export function toRunCall(method: MethodDefinition, handler: AnyHandler | undefined, self: object): (call: ServerCall) => AsyncIterable<AnyMessage> {
  if (handler === undefined) {
    return async function* () {
      throw new RpcError(Code.UNIMPLEMENTED, `method ${method.path} is not implemented`);
    };
  }
  const { O } = method;
  switch (method.kind) {
    case "unary":
    case "client_streaming":
      return async function* (call) {
        yield toMessage(O, (await (handler as (r: unknown, c: CallContext) => unknown).call(self, call.request, call.context)) as MessageInit<AnyMessage>);
      };
    case "server_streaming":
    case "bidi_streaming":
      return (call) => toMessages(O, (handler as (r: unknown, c: CallContext) => unknown).call(self, call.request, call.context) as AsyncIterable<MessageInit<AnyMessage>>);
  }
}
