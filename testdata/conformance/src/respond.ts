/**
 * Answers one ConformanceRequest: parse the payload as the requested message
 * type, then write it in the requested output format. Built only on tsgrpc's
 * generated classes and the runtime they import.
 */
import { CodecError, createRegistry } from "@tsgrpc/runtime";
import { ConformanceRequest, ConformanceResponse, FailureSet, TestCategory, WireFormat } from "../gen/conformance/conformance_pb.js";
import { file_google_protobuf_test_messages_proto2 } from "../gen/google/protobuf/test_messages_proto2_pb.js";
import { file_google_protobuf_test_messages_proto3 } from "../gen/google/protobuf/test_messages_proto3_pb.js";
import { file_google_protobuf_test_messages_proto2_editions } from "../gen/google/protobuf/test_messages_proto2_editions_pb.js";
import { file_google_protobuf_test_messages_proto3_editions } from "../gen/google/protobuf/test_messages_proto3_editions_pb.js";
import { file_google_protobuf_test_messages_edition2023 } from "../gen/google/protobuf/test_messages_edition2023_pb.js";

type Result = ConformanceResponse["result"];

/** Every type of the test protos (and the well-known types they import): the request's type and `Any` payloads. */
const registry = createRegistry(
  file_google_protobuf_test_messages_proto2,
  file_google_protobuf_test_messages_proto3,
  file_google_protobuf_test_messages_proto2_editions,
  file_google_protobuf_test_messages_proto3_editions,
  file_google_protobuf_test_messages_edition2023,
);

export function respond(requestBytes: Uint8Array): Uint8Array {
  let result: Result;
  try {
    result = answer(ConformanceRequest.fromBinary(requestBytes));
  } catch (e) {
    result = { case: "runtimeError", value: describe(e) };
  }
  return new ConformanceResponse({ result }).toBinary();
}

function answer(req: ConformanceRequest): Result {
  // The runner's first request asks which tests we expect to fail: none.
  if (req.messageType === FailureSet.typeName) {
    return { case: "protobufPayload", value: new FailureSet().toBinary() };
  }
  const type = registry.getMessage(req.messageType);
  if (!type) return { case: "runtimeError", value: `unknown message type ${req.messageType}` };

  let message;
  const payload = req.payload;
  try {
    switch (payload.case) {
      case "protobufPayload":
        message = type.fromBinary(payload.value);
        break;
      case "jsonPayload":
        message = type.fromJsonString(payload.value, {
          ignoreUnknownFields: req.testCategory === TestCategory.JSON_IGNORE_UNKNOWN_PARSING_TEST,
          registry,
        });
        break;
      case "textPayload":
        message = type.fromText(payload.value, { registry });
        break;
      case "jspbPayload":
        return { case: "skipped", value: `${payload.case} is not supported` };
      default:
        return { case: "runtimeError", value: "request has no payload" };
    }
  } catch (e) {
    if (e instanceof CodecError) return { case: "parseError", value: e.message };
    throw e;
  }

  try {
    switch (req.requestedOutputFormat) {
      case WireFormat.PROTOBUF:
        return { case: "protobufPayload", value: message.toBinary() };
      case WireFormat.JSON:
        return { case: "jsonPayload", value: message.toJsonString({ registry }) };
      case WireFormat.TEXT_FORMAT:
        return { case: "textPayload", value: message.toText({ registry, printUnknownFields: req.printUnknownFields }) };
      case WireFormat.JSPB:
        return { case: "skipped", value: `output format ${WireFormat[req.requestedOutputFormat]} is not supported` };
      default:
        return { case: "runtimeError", value: `unexpected output format ${req.requestedOutputFormat}` };
    }
  } catch (e) {
    if (e instanceof CodecError) return { case: "serializeError", value: e.message };
    throw e;
  }
}

/** Anything but a CodecError is a bug in tsgrpc: report it with its stack so the runner shows it as a failure. */
function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
