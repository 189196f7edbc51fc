/**
 * Hand-written messages in the shape the plugin generates (a `$fields` table
 * and plain properties), for testing the table-driven JSON codec on its own.
 * Their binary codec is not needed here and throws.
 */
import { Message, type PartialMessage } from "../src/message";
import { fieldList, type EnumType } from "../src/fields";
import { LongType, ScalarType } from "../src/scalar";
import { Timestamp } from "../src/gen/google/protobuf/timestamp_pb";

export enum Color {
  RED = 0,
  GREEN = 1,
  BLUE = 2,
}
export const Color$type: EnumType = {
  typeName: "test.Color",
  open: true,
  values: [
    { no: 0, name: "RED" },
    { no: 1, name: "GREEN" },
    { no: 2, name: "BLUE" },
    { no: 2, name: "AZURE" },
  ],
};
export const Closed$type: EnumType = {
  typeName: "test.Closed",
  open: false,
  values: [
    { no: 1, name: "ONE" },
    { no: 2, name: "TWO" },
  ],
};

abstract class NoBinary<T extends Message<T>> extends Message<T> {
  $encode(): void {
    throw new Error("not used by JSON tests");
  }
  $decode(): void {
    throw new Error("not used by JSON tests");
  }
}

export class Child extends NoBinary<Child> {
  static readonly typeName = "test.Child";
  static readonly $fields = fieldList(() => [
    { no: 1, name: "name", localName: "name", jsonName: "name", kind: "scalar", T: ScalarType.STRING },
    { no: 2, name: "child", localName: "child", jsonName: "child", kind: "message", T: Child },
  ]);
  name = "";
  child?: Child;
  constructor(init?: PartialMessage<Child>) {
    super();
    Object.assign(this, init);
  }
}

/** Every field kind once, as a generated proto3 message would be. */
export class Sample extends NoBinary<Sample> {
  static readonly typeName = "test.Sample";
  static readonly $fields = fieldList(() => [
    { no: 1, name: "double_v", localName: "doubleV", jsonName: "doubleV", kind: "scalar", T: ScalarType.DOUBLE },
    { no: 2, name: "float_v", localName: "floatV", jsonName: "floatV", kind: "scalar", T: ScalarType.FLOAT },
    { no: 3, name: "int32_v", localName: "int32V", jsonName: "int32V", kind: "scalar", T: ScalarType.INT32 },
    { no: 4, name: "uint32_v", localName: "uint32V", jsonName: "uint32V", kind: "scalar", T: ScalarType.UINT32 },
    { no: 5, name: "int64_v", localName: "int64V", jsonName: "int64V", kind: "scalar", T: ScalarType.INT64 },
    { no: 6, name: "uint64_v", localName: "uint64V", jsonName: "uint64V", kind: "scalar", T: ScalarType.UINT64 },
    { no: 7, name: "sfixed64_str", localName: "sfixed64Str", jsonName: "sfixed64Str", kind: "scalar", T: ScalarType.SFIXED64, L: LongType.STRING },
    { no: 8, name: "bool_v", localName: "boolV", jsonName: "boolV", kind: "scalar", T: ScalarType.BOOL },
    { no: 9, name: "string_v", localName: "stringV", jsonName: "stringV", kind: "scalar", T: ScalarType.STRING },
    { no: 10, name: "bytes_v", localName: "bytesV", jsonName: "bytesV", kind: "scalar", T: ScalarType.BYTES },
    { no: 11, name: "color", localName: "color", jsonName: "color", kind: "enum", T: Color$type },
    { no: 12, name: "closed", localName: "closed", jsonName: "closed", kind: "enum", T: Closed$type, presence: "explicit" },
    { no: 13, name: "child", localName: "child", jsonName: "child", kind: "message", T: Child },
    { no: 14, name: "opt_int32", localName: "optInt32", jsonName: "optInt32", kind: "scalar", T: ScalarType.INT32, presence: "explicit" },
    { no: 15, name: "ints", localName: "ints", jsonName: "ints", kind: "scalar", T: ScalarType.INT32, repeated: true },
    { no: 16, name: "colors", localName: "colors", jsonName: "colors", kind: "enum", T: Color$type, repeated: true },
    { no: 17, name: "children", localName: "children", jsonName: "children", kind: "message", T: Child, repeated: true },
    { no: 18, name: "by_name", localName: "byName", jsonName: "byName", kind: "map", K: ScalarType.STRING, V: { kind: "scalar", T: ScalarType.INT32 } },
    { no: 19, name: "by_id", localName: "byId", jsonName: "byId", kind: "map", K: ScalarType.INT64, V: { kind: "message", T: Child } },
    { no: 20, name: "by_flag", localName: "byFlag", jsonName: "byFlag", kind: "map", K: ScalarType.BOOL, V: { kind: "enum", T: Color$type } },
    { no: 21, name: "text", localName: "text", jsonName: "text", oneof: "choice", kind: "scalar", T: ScalarType.STRING },
    { no: 22, name: "number", localName: "number", jsonName: "number", oneof: "choice", kind: "scalar", T: ScalarType.INT32 },
    { no: 23, name: "nested", localName: "nested", jsonName: "nested", oneof: "choice", kind: "message", T: Child },
    { no: 24, name: "renamed", localName: "renamed", jsonName: "customName", kind: "scalar", T: ScalarType.STRING },
    { no: 25, name: "constructor", localName: "constructor$", jsonName: "constructor", kind: "scalar", T: ScalarType.STRING },
    { no: 26, name: "when", localName: "when", jsonName: "when", kind: "message", T: Timestamp },
  ]);
  doubleV = 0;
  floatV = 0;
  int32V = 0;
  uint32V = 0;
  int64V = 0n;
  uint64V = 0n;
  sfixed64Str = "0";
  boolV = false;
  stringV = "";
  bytesV: Uint8Array = new Uint8Array(0);
  color: Color = Color.RED;
  closed?: number;
  child?: Child;
  optInt32?: number;
  ints: number[] = [];
  colors: Color[] = [];
  children: Child[] = [];
  byName: { [key: string]: number } = Object.create(null) as { [key: string]: number };
  byId: { [key: string]: Child } = Object.create(null) as { [key: string]: Child };
  byFlag: { [key: string]: Color } = Object.create(null) as { [key: string]: Color };
  choice: { case: "text"; value: string } | { case: "number"; value: number } | { case: "nested"; value: Child } | { case: undefined; value?: undefined } = {
    case: undefined,
  };
  renamed = "";
  constructor$ = "";
  when?: Timestamp;
  constructor(init?: PartialMessage<Sample>) {
    super();
    Object.assign(this, init);
  }
}
