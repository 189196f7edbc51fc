import { Any } from "../gen/google/protobuf/any_pb.js";
import type { AnyMessage, Message, MessageType } from "../message.js";
import { Metadata, type MetadataInit } from "./metadata.js";
import { Code } from "./status/code.js";

export interface RpcErrorOptions {
  /** Typed details (`google.rpc.ErrorInfo`, `BadRequest`, ...); messages that are not `Any` are packed. */
  details?: readonly (Any | Message<AnyMessage>)[];
  /** Trailing metadata sent with (or received with) the status. */
  trailers?: Metadata | MetadataInit;
  cause?: unknown;
}

/**
 * A non-OK gRPC status. Clients reject with it; a handler throws it to answer
 * with exactly this status. `message` is the status message as sent on the
 * wire, never prefixed; `details` travel in `grpc-status-details-bin`.
 */
export class RpcError extends Error {
  override name = "RpcError";
  readonly code: Code;
  readonly details: Any[];
  readonly trailers: Metadata;
  /** On a client's error: the method called, e.g. `/users.v1.UserService/GetUser`. */
  declare readonly method?: string;
  /** On a client's error: the target its client was made for, e.g. `localhost:50051`. */
  declare readonly target?: string;

  constructor(code: Code, message = "", options: RpcErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    if (!Number.isInteger(code) || code <= Code.OK || code > Code.UNAUTHENTICATED) {
      throw new RangeError(`RpcError needs a non-OK status code (1..16), got ${String(code)}`);
    }
    this.code = code;
    this.details = (options.details ?? []).map(packDetail);
    this.trailers = new Metadata(options.trailers);
  }

  /** `util.inspect` (and so `console.log` and an uncaught error) shows the code's name: `RpcError [NOT_FOUND]: ...`. */
  get [Symbol.toStringTag](): string {
    return Code[this.code];
  }

  override toString(): string {
    const call = this.method === undefined ? "" : ` (${this.method}${this.target === undefined ? "" : ` on ${this.target}`})`;
    return `${this.name} [${Code[this.code]}]: ${this.message}${call}`;
  }

  /** The details of type `type`, unpacked, in the order they were sent. */
  findDetails<C extends MessageType<any>>(type: C): InstanceType<C>[] {
    return this.details.filter((d) => d.is(type)).map((d) => d.unpack(type) as InstanceType<C>);
  }
}

function packDetail(detail: Any | Message<AnyMessage>): Any {
  return detail instanceof Any ? detail : Any.pack(detail);
}
