/** `@tsgrpc/runtime/grpc`: what generated `_grpc.ts` files and their users need. */
// gRPC runs on Node only, where messages always have text format (see text-format.ts).
import "../text/index.js";
export { credentials, ServerCredentials, type ChannelCredentials, type ServiceConfig } from "@grpc/grpc-js";
export { Metadata, type MetadataInit, type MetadataValue } from "./metadata.js";
export { Code } from "./status/code.js";
export { RpcError, type RpcErrorOptions } from "./rpc-error.js";
export type { CallOptions } from "./call-options.js";
export { toGrpcDefinition, type MessageInit, type MethodDefinition, type MethodKind, type ServiceDefinition } from "./definition.js";
export type { CallRequest, ClientCall, ClientInterceptor, ServerCall, ServerInterceptor } from "./interceptors.js";
export type { MessageCounts } from "./message-counts.js";
export { Client, type RequestStream } from "./client/client.js";
export type { ClientOptions } from "./client/client-options.js";
export { Server, type ServerOptions } from "./server/server.js";
export type { StreamResetLimit } from "./server/stream-reset-limit.js";
export type { CallContext } from "./server/context.js";
export type { ServerErrorHook, ServerErrorInfo } from "./server/error-hook.js";
export type { MethodHandler, ServiceImplementation } from "./server/implementation.js";
export { Status, file_google_rpc_status } from "../gen/google/rpc/status_pb.js";
export * from "../gen/google/rpc/error_details_pb.js";
export { ServerHealth, ServingStatus, type SettableStatus } from "./health/server-health.js";
export { Health, HealthClient, type HealthImplementation } from "../gen/grpc/health/v1/health_grpc.js";
export * from "../gen/grpc/health/v1/health_pb.js";
export { ServerReflection, ServerReflectionClient, type ServerReflectionImplementation } from "../gen/grpc/reflection/v1/reflection_grpc.js";
export * as reflectionV1 from "./reflection/v1.js";
export * as reflectionV1alpha from "./reflection/v1alpha.js";
