import { ScalarType } from "@bufbuild/protobuf";

/** Wire types of the binary format. */
export const enum WireType {
  Varint = 0,
  Bit64 = 1,
  LengthDelimited = 2,
  StartGroup = 3,
  EndGroup = 4,
  Bit32 = 5,
}

/** How 64-bit integers of one field are represented. */
export type LongRepr = "bigint" | "string";

interface ScalarInfo {
  /** Member of the runtime's `ScalarType` enum. */
  readonly enumMember: string;
  /** BinaryReader / BinaryWriter method. */
  readonly method: string;
  readonly wireType: WireType;
  readonly is64: boolean;
}

const scalars: Record<ScalarType, ScalarInfo> = {
  [ScalarType.DOUBLE]: { enumMember: "DOUBLE", method: "double", wireType: WireType.Bit64, is64: false },
  [ScalarType.FLOAT]: { enumMember: "FLOAT", method: "float", wireType: WireType.Bit32, is64: false },
  [ScalarType.INT64]: { enumMember: "INT64", method: "int64", wireType: WireType.Varint, is64: true },
  [ScalarType.UINT64]: { enumMember: "UINT64", method: "uint64", wireType: WireType.Varint, is64: true },
  [ScalarType.INT32]: { enumMember: "INT32", method: "int32", wireType: WireType.Varint, is64: false },
  [ScalarType.FIXED64]: { enumMember: "FIXED64", method: "fixed64", wireType: WireType.Bit64, is64: true },
  [ScalarType.FIXED32]: { enumMember: "FIXED32", method: "fixed32", wireType: WireType.Bit32, is64: false },
  [ScalarType.BOOL]: { enumMember: "BOOL", method: "bool", wireType: WireType.Varint, is64: false },
  [ScalarType.STRING]: { enumMember: "STRING", method: "string", wireType: WireType.LengthDelimited, is64: false },
  [ScalarType.BYTES]: { enumMember: "BYTES", method: "bytes", wireType: WireType.LengthDelimited, is64: false },
  [ScalarType.UINT32]: { enumMember: "UINT32", method: "uint32", wireType: WireType.Varint, is64: false },
  [ScalarType.SFIXED32]: { enumMember: "SFIXED32", method: "sfixed32", wireType: WireType.Bit32, is64: false },
  [ScalarType.SFIXED64]: { enumMember: "SFIXED64", method: "sfixed64", wireType: WireType.Bit64, is64: true },
  [ScalarType.SINT32]: { enumMember: "SINT32", method: "sint32", wireType: WireType.Varint, is64: false },
  [ScalarType.SINT64]: { enumMember: "SINT64", method: "sint64", wireType: WireType.Varint, is64: true },
};

export function scalarInfo(t: ScalarType): ScalarInfo {
  return scalars[t];
}

/** The TypeScript type of a scalar value. */
export function scalarTsType(t: ScalarType, long: LongRepr): string {
  if (scalars[t].is64) return long;
  switch (t) {
    case ScalarType.BOOL:
      return "boolean";
    case ScalarType.STRING:
      return "string";
    case ScalarType.BYTES:
      return "Uint8Array";
    default:
      return "number";
  }
}

/** The zero value as a TypeScript expression. */
export function scalarZero(t: ScalarType, long: LongRepr): string {
  if (scalars[t].is64) return long === "bigint" ? "0n" : '"0"';
  switch (t) {
    case ScalarType.BOOL:
      return "false";
    case ScalarType.STRING:
      return '""';
    case ScalarType.BYTES:
      return "new Uint8Array(0)";
    default:
      return "0";
  }
}

/** An expression true when `x` differs from the zero value (implicit presence writes only then). */
export function scalarIsSet(t: ScalarType, long: LongRepr, x: string): string {
  if (scalars[t].is64) return long === "bigint" ? `${x} !== 0n` : `${x} !== "0"`;
  switch (t) {
    case ScalarType.BOOL:
      return x;
    case ScalarType.STRING:
      return `${x} !== ""`;
    case ScalarType.BYTES:
      return `${x}.length !== 0`;
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE:
      // -0 is not the default: its bits differ, and protobuf C++ writes it.
      return `!Object.is(${x}, 0)`;
    default:
      return `${x} !== 0`;
  }
}

/** Expression reading one scalar from reader `r`. */
export function scalarRead(t: ScalarType, long: LongRepr, validateUtf8: boolean): string {
  const { method, is64 } = scalars[t];
  if (is64 && long === "string") return `r.${method}().toString()`;
  if (t === ScalarType.STRING && !validateUtf8) return "r.string(false)";
  return `r.${method}()`;
}

/** Statement writing scalar `x` to writer `w`. */
export function scalarWrite(t: ScalarType, x: string): string {
  return `w.${scalars[t].method}(${x});`;
}

/** Statement writing field `fieldNo` holding scalar `x` to writer `w`: its tag and value in one call (`w.fieldString(10, x)`). */
export function fieldWrite(t: ScalarType, fieldNo: number, x: string): string {
  const { method, wireType } = scalars[t];
  return `w.field${method[0].toUpperCase()}${method.slice(1)}(${tag(fieldNo, wireType)}, ${x});`;
}

/** Expression writing the tag of length-delimited field `fieldNo` and starting its region: the mark for `w.join`. */
export function forkField(fieldNo: number): string {
  return `w.forkField(${tag(fieldNo, WireType.LengthDelimited)})`;
}

/** The field tag as the number written on the wire. */
export function tag(fieldNo: number, wireType: WireType): number {
  return fieldNo * 8 + wireType;
}
