/** The message size limits clients and servers both take (what "receive" and "send" mean depends on the side). */
export interface MessageLimits {
  maxReceiveMessageBytes?: number;
  maxSendMessageBytes?: number;
}

/** The grpc-js channel or server options for `limits`; each must be a non-negative integer of bytes. */
export function messageLimitOptions(limits: MessageLimits): { "grpc.max_receive_message_length"?: number; "grpc.max_send_message_length"?: number } {
  const out: { "grpc.max_receive_message_length"?: number; "grpc.max_send_message_length"?: number } = {};
  if (limits.maxReceiveMessageBytes !== undefined) out["grpc.max_receive_message_length"] = byteLimit("maxReceiveMessageBytes", limits.maxReceiveMessageBytes);
  if (limits.maxSendMessageBytes !== undefined) out["grpc.max_send_message_length"] = byteLimit("maxSendMessageBytes", limits.maxSendMessageBytes);
  return out;
}

function byteLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  return value;
}
