/** Base of every error the codecs throw: bad input is always one of these, never a crash. */
export class CodecError extends Error {
  override name = "CodecError";
}

/** Malformed or hostile protobuf binary input. `offset` is where the reader stood. */
export class BinaryDecodeError extends CodecError {
  override name = "BinaryDecodeError";
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
  }
}

/**
 * A value that cannot be written in the binary format (e.g. an int64 string
 * that is not a number). `path` locates it: the message type and the field
 * path, as in `users.v1.User.tags[2]`.
 */
export class BinaryEncodeError extends CodecError {
  override name = "BinaryEncodeError";
  constructor(
    message: string,
    readonly path?: string,
    options?: ErrorOptions,
  ) {
    super(path ? `${path}: ${message}` : message, options);
  }
}

/** Malformed JSON, or JSON that does not match the message. `path` locates the offending value. */
export class JsonDecodeError extends CodecError {
  override name = "JsonDecodeError";
  /** The message without the path. */
  readonly reason: string;
  constructor(
    message: string,
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
    this.reason = message;
  }
}

/** A message that cannot be written as JSON (e.g. an Any whose type is not in the registry). */
export class JsonEncodeError extends CodecError {
  override name = "JsonEncodeError";
}

/** Malformed text format, or text that does not match the message. `line` and `column` (1-based) locate it. */
export class TextDecodeError extends CodecError {
  override name = "TextDecodeError";
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${line}:${column}: ${message}`);
  }
}

/** A message that cannot be written as text format (e.g. an int32 field holding 2.5). */
export class TextEncodeError extends CodecError {
  override name = "TextEncodeError";
}
