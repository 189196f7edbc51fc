/** grpc.reflection.v1: the ServerReflection definition, its client and its messages. */
export * from "../../gen/grpc/reflection/v1/reflection_pb.js";
export * from "../../gen/grpc/reflection/v1/reflection_grpc.js";
