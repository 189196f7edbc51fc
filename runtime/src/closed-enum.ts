import { unknownFields, type HasUnknownFields } from "./unknown-fields.js";
import { BinaryWriter } from "./wire/writer.js";

/**
 * Closed enums (proto2, editions `enum_type = CLOSED`) do not accept numbers
 * they do not declare: the decoder keeps such a value as an unknown field, as
 * protobuf C++ does, so it still survives a decode → encode round trip.
 */
export function unknownEnum(msg: HasUnknownFields, fieldNo: number, value: number): void {
  keep(
    msg,
    new BinaryWriter()
      .uint32(fieldNo * 8)
      .int32(value)
      .finish(),
  );
}

/** A map entry whose closed-enum value is unknown is kept whole, as an unknown length-delimited field. */
export function unknownEntry(msg: HasUnknownFields, fieldNo: number, entry: Uint8Array): void {
  keep(
    msg,
    new BinaryWriter()
      .uint32(fieldNo * 8 + 2)
      .bytes(entry)
      .finish(),
  );
}

function keep(msg: HasUnknownFields, chunk: Uint8Array): void {
  (msg[unknownFields] ??= []).push(chunk);
}
