/** grpc.reflection.v1alpha (what older clients call): the ServerReflection definition, its client and its messages. */
export * from "../../gen/grpc/reflection/v1alpha/reflection_pb.js";
export * from "../../gen/grpc/reflection/v1alpha/reflection_grpc.js";
