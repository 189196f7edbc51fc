import { Server } from "@tsgrpc/runtime/grpc";
import { messageLimitOptions } from "../../src/grpc/message-limits.js";
import { EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";

describe("message size limits (clients and servers alike)", () => {
  it("become grpc-js's max_receive / max_send options, and win over raw channel options", () => {
    expect(messageLimitOptions({ maxReceiveMessageBytes: 1024, maxSendMessageBytes: 0 })).toEqual({
      "grpc.max_receive_message_length": 1024,
      "grpc.max_send_message_length": 0,
    });
    expect(messageLimitOptions({})).toEqual({});
  });

  it.each([-1, 1.5, NaN, Infinity, 2 ** 53])("%s is refused with a RangeError naming the option, by a server and a client", (bad) => {
    const message = `maxReceiveMessageBytes must be a non-negative integer, got ${String(bad)}`;
    expect(() => new Server({ maxReceiveMessageBytes: bad })).toThrow(new RangeError(message));
    expect(() => new EchoServiceClient("127.0.0.1:1", undefined, { maxReceiveMessageBytes: bad })).toThrow(new RangeError(message));
    expect(() => messageLimitOptions({ maxSendMessageBytes: bad })).toThrow(`maxSendMessageBytes must be a non-negative integer, got ${String(bad)}`);
  });
});
