/**
 * `@tsgrpc/runtime/validate/grpc`: request validation for gRPC servers and clients, as
 * interceptors. Apart from `@tsgrpc/runtime/validate` so that validating messages never loads
 * grpc-js, and apart from `@tsgrpc/runtime/grpc` so that gRPC users who don't validate never
 * load the validators' runtime.
 */
import type { Message } from "../message.js";
import { BadRequest, BadRequest_FieldViolation } from "../gen/google/rpc/error_details_pb.js";
import type { CallRequest, ClientInterceptor, ServerInterceptor } from "../grpc/interceptors.js";
import { RpcError } from "../grpc/rpc-error.js";
import { Code } from "../grpc/status/code.js";
import { violationsToProto } from "./proto.js";
import { validate, type ValidateOptions } from "./validate.js";
import { fieldPathToString, type Violation } from "./violation.js";

/**
 * The error an invalid request gets: `INVALID_ARGUMENT`, the first violation as the message, and
 * the violations as status details twice: `google.rpc.BadRequest` (field, description, reason =
 * rule id), which any gRPC client understands, and `buf.validate.Violations`, with the
 * structured field and rule paths.
 */
export function invalidArgument(violations: readonly Violation[], message: string): RpcError {
  const badRequest = new BadRequest({
    fieldViolations: violations.map((v) => new BadRequest_FieldViolation({ field: fieldPathToString(v.field), description: v.message, reason: v.ruleId })),
  });
  return new RpcError(Code.INVALID_ARGUMENT, message, { details: [badRequest, violationsToProto(violations)] });
}

/** Throws the `RpcError` for a request that is invalid (INVALID_ARGUMENT) or whose rules cannot be evaluated (INTERNAL). */
function check<I extends Message<I>>(request: I, options: ValidateOptions | undefined): I {
  const r = validate(request, options);
  if (r.kind === "valid") return request;
  if (r.kind === "invalid") throw invalidArgument(r.violations, r.error.message);
  throw new RpcError(Code.INTERNAL, `cannot validate ${(request.constructor as { typeName?: string }).typeName}: ${r.error.message}`, { cause: r.error });
}

async function* checkEach<I extends Message<I>>(requests: AsyncIterable<I>, options: ValidateOptions | undefined): AsyncIterable<I> {
  for await (const request of requests) yield check(request, options);
}

function checked<I extends Message<I>>(call: CallRequest<I>, options: ValidateOptions | undefined): CallRequest<I> {
  return call.requestStream
    ? { requestStream: true, request: checkEach(call.request, options) }
    : { requestStream: false, request: check(call.request, options) };
}

/**
 * A server interceptor that validates every request message against its `buf.validate` rules: a
 * unary or server-streaming request before the handler runs, each message of a request stream
 * as the handler reads it. An invalid message ends the call with `INVALID_ARGUMENT` (see
 * `invalidArgument`); the handler never sees it (messages before it in a stream were delivered).
 */
export function validateRequests(options?: ValidateOptions): ServerInterceptor {
  return (call, next) => next({ ...call, ...checked(call, options) });
}

/**
 * A client interceptor that validates every request before it is sent: an invalid unary request
 * fails locally with the same `INVALID_ARGUMENT` error a validating server would send, with no
 * network call made; in a request stream, the invalid message is not sent and the call fails
 * with that error.
 */
export function validateBeforeSending(options?: ValidateOptions): ClientInterceptor {
  return (call, next) => next({ ...call, ...checked(call, options) });
}
