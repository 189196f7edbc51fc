import type { PartialMessage } from "../../message.js";
import { ServerReflection as ReflectionV1, type ServerReflectionImplementation } from "../../gen/grpc/reflection/v1/reflection_grpc.js";
import { ServerReflection as ReflectionV1alpha } from "../../gen/grpc/reflection/v1alpha/reflection_grpc.js";
import type { ServerReflectionRequest, ServerReflectionResponse } from "../../gen/grpc/reflection/v1/reflection_pb.js";
import type { FileInfo } from "../../registry.js";
import type { ServiceDefinition } from "../definition.js";
import { Code } from "../status/code.js";
import { createCatalog, withDependencies, type Catalog } from "./catalog.js";

/** Both versions of the reflection service, which clients still use side by side. */
export const reflectionDefinitions = [ReflectionV1, ReflectionV1alpha] as const;

type Answer = PartialMessage<ServerReflectionResponse>["messageResponse"];

/**
 * The `ServerReflection` service over the services `served()` lists at the
 * time of each request. grpc.reflection.v1 and v1alpha share every message
 * shape, so one implementation serves both.
 */
export function reflectionService(served: () => readonly ServiceDefinition[]): ServerReflectionImplementation {
  let cached: { count: number; catalog: Catalog } | undefined;
  const catalog = () => {
    const services = served();
    // Services are only ever added, so the count tells whether the catalog is stale.
    if (cached?.count !== services.length) cached = { count: services.length, catalog: createCatalog(services) };
    return cached.catalog;
  };
  return {
    async *serverReflectionInfo(requests) {
      for await (const request of requests) {
        yield { validHost: request.host, originalRequest: request, messageResponse: answer(catalog(), request) };
      }
    },
  };
}

function answer(catalog: Catalog, { messageRequest: q }: ServerReflectionRequest): Answer {
  switch (q.case) {
    case "listServices":
      return { case: "listServicesResponse", value: { service: catalog.services.map((name) => ({ name })) } };
    case "fileByFilename":
      return files(catalog.file(q.value), `file "${q.value}"`);
    case "fileContainingSymbol":
      return files(catalog.fileContaining(q.value), `symbol "${q.value}"`);
    case "fileContainingExtension": {
      const { containingType, extensionNumber } = q.value;
      return files(catalog.fileContainingExtension(containingType, extensionNumber), `extension ${extensionNumber} of "${containingType}"`);
    }
    case "allExtensionNumbersOfType": {
      const numbers = catalog.extensionNumbers(q.value);
      if (!numbers) return error(Code.NOT_FOUND, `unknown message type "${q.value}"`);
      return { case: "allExtensionNumbersResponse", value: { baseTypeName: q.value, extensionNumber: numbers } };
    }
    case undefined:
      return error(Code.INVALID_ARGUMENT, "the request asks for nothing (message_request is not set)");
  }
}

function files(file: FileInfo | undefined, what: string): Answer {
  if (!file) return error(Code.NOT_FOUND, `unknown ${what}`);
  return { case: "fileDescriptorResponse", value: { fileDescriptorProto: withDependencies(file).map((f) => f.proto) } };
}

function error(code: Code, message: string): Answer {
  return { case: "errorResponse", value: { errorCode: code, errorMessage: message } };
}
