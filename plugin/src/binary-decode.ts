import { ScalarType, type DescEnum, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { block, indent, literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { fieldName, oneofName } from "./names.js";
import { enumDefault } from "./enum.js";
import { scalarInfo, scalarRead, scalarTsType, scalarZero, tag, WireType, type LongRepr } from "./scalar.js";
import { decodeWrapper } from "./wrapper-codec.js";
import { unboxedWrapper } from "./wrappers.js";

/**
 * `$decode`: a loop over tags with one `case` per (field, wire type) the
 * field accepts. Anything else, including extensions and wire-type
 * mismatches, is kept as an unknown field. A group's loop ends at its END_GROUP.
 */
export function generateDecode(ctx: FileContext, message: DescMessage): Line[] {
  const cases: Line[] = [];
  for (const field of message.fields) cases.push(...decodeField(ctx, field));
  cases.push(["default:"]);
  cases.push(["  if (group !== undefined && tag === group * 8 + 4) return;"]);
  cases.push(["  r.unknown(this, tag);"]);
  const loop = block(["while (r.pos < end)"], [["const tag = r.tag();"], ...block(["switch (tag)"], cases)]);
  return block(
    ["$decode(r: ", ctx.rt("BinaryReader", true), ", end: number, group?: number): void"],
    [...loop, ["if (group !== undefined) r.endGroup(group);"]],
  );
}

function decodeField(ctx: FileContext, field: DescField): Line[] {
  const x = `this.${fieldName(field)}`;
  const long = ctx.long(field);
  switch (field.fieldKind) {
    case "scalar":
      return caseOf(tag(field.number, scalarInfo(field.scalar).wireType), [assign(field, scalarRead(field.scalar, long, field.utf8Validation))]);
    case "enum":
      return caseOf(
        tag(field.number, WireType.Varint),
        readEnum(ctx, field.enum, field.number, (v) => [assign(field, v)]),
      );
    case "message": {
      const o = field.oneof && `this.${oneofName(field.oneof)}`;
      const name = literal(fieldName(field));
      const wrapped = unboxedWrapper(field);
      if (wrapped !== undefined) {
        const held = (zero: string) => (o ? `${o}.case === ${name} ? ${o}.value : ${zero}` : `${x} ?? ${zero}`);
        return caseOf(messageTag(field.number, field.delimitedEncoding), decodeWrapper(ctx, field, wrapped, held, assign(field, "v")));
      }
      const T = ctx.type(field.message);
      const body = readMessage(field.number, field.delimitedEncoding, o ? ["m"] : [`(${x} ??= new `, T, "())"]);
      if (!o) return caseOf(messageTag(field.number, field.delimitedEncoding), body);
      return caseOf(messageTag(field.number, field.delimitedEncoding), [
        [`const m = ${o}.case === ${name} ? ${o}.value : new `, T, "();"],
        ...body,
        [`${o} = { case: ${name}, value: m };`],
      ]);
    }
    case "list": {
      if (field.listKind === "message") {
        return caseOf(messageTag(field.number, field.delimitedEncoding), [
          ["const m = new ", ctx.type(field.message), "();"],
          ...readMessage(field.number, field.delimitedEncoding, ["m"]),
          [`${x}.push(m);`],
        ]);
      }
      const push = (v: string): Line[] => [[`${x}.push(${v});`]];
      const one: Line[] =
        field.listKind === "enum" ? readEnum(ctx, field.enum, field.number, push) : push(scalarRead(field.scalar, long, field.utf8Validation));
      const wireType = field.listKind === "enum" ? WireType.Varint : scalarInfo(field.scalar).wireType;
      if (wireType === WireType.LengthDelimited) return caseOf(tag(field.number, wireType), one);
      const bulk = field.listKind === "scalar" ? packedReader[field.scalar] : undefined;
      // Packed and unpacked encodings are both accepted, whatever the declaration says.
      return [
        ...caseOf(
          tag(field.number, WireType.LengthDelimited),
          bulk !== undefined ? [[`r.${bulk}(${x});`]] : [["const e = r.delimitedEnd();"], ...block(["while (r.pos < e)"], one), ["r.assertEnd(e);"]],
        ),
        ...caseOf(tag(field.number, wireType), one),
      ];
    }
    case "map":
      return caseOf(tag(field.number, WireType.LengthDelimited), decodeMapEntry(ctx, field, long));
  }
}

/** BinaryReader's method reading a whole packed payload into an array, per scalar type that has one. */
const packedReader: Partial<Record<ScalarType, string>> = { [ScalarType.DOUBLE]: "doubles", [ScalarType.FLOAT]: "floats" };

function decodeMapEntry(ctx: FileContext, field: DescField & { fieldKind: "map" }, long: LongRepr): Line[] {
  const x = `this.${fieldName(field)}`;
  // The reader may swap a still-empty map for a dictionary-mode object when the key looks like an id (map-object.ts).
  const into = `(${x} = r.mapTarget(${x}, k))[k]`;
  const keyType = scalarInfo(field.mapKey);
  // String keys go through the runtime's cache of recent keys; other keys become the decimal strings JS objects use.
  const keyRead =
    field.mapKey === ScalarType.STRING ? (field.utf8Validation ? "r.mapKey()" : "r.mapKey(false)") : `String(${scalarRead(field.mapKey, "bigint", true)})`;
  const keyZero = field.mapKey === ScalarType.STRING ? '""' : field.mapKey === ScalarType.BOOL ? '"false"' : '"0"';
  const lines: Line[] = [["const e = r.delimitedEnd();"], [`let k = ${keyZero};`]];
  let valueCase: Line[];
  let store: Line[];
  switch (field.mapKind) {
    case "message": {
      const T = ctx.type(field.message);
      lines.push(["let v: ", T, " | undefined;"]);
      valueCase = readMessage(2, false, ["(v ??= new ", T, "())"]);
      store = [[`${into} = v ?? new `, T, "();"]];
      break;
    }
    case "enum": {
      const T = ctx.type(field.enum);
      lines.push(["let v: ", T, " = ", ...enumDefault(ctx, field.enum), ";"]);
      valueCase = [["v = r.int32();"]];
      store = field.enum.open
        ? [[`${into} = v;`]]
        : // A closed enum's unknown value sends the whole entry to the unknown fields, as protobuf C++ does.
          [
            ["if (", T, "[v] !== undefined) ", `${into} = v;`],
            ["else ", ctx.rt("unknownEntry"), `(this, ${field.number}, r.buf.subarray(start, e));`],
          ];
      if (!field.enum.open) lines.splice(1, 0, ["const start = r.pos;"]);
      break;
    }
    case "scalar":
      lines.push([`let v: ${scalarTsType(field.scalar, long)} = ${scalarZero(field.scalar, long)};`]);
      valueCase = [[`v = ${scalarRead(field.scalar, long, field.utf8Validation)};`]];
      store = [[`${into} = v;`]];
      break;
  }
  const valueWireType = field.mapKind === "message" ? WireType.LengthDelimited : field.mapKind === "enum" ? WireType.Varint : scalarInfo(field.scalar).wireType;
  lines.push(
    ...block(
      ["while (r.pos < e)"],
      [
        ["const t = r.tag();"],
        ...block([`if (t === ${tag(1, keyType.wireType)})`], [[`k = ${keyRead};`]], ["} else if (t === " + tag(2, valueWireType) + ") {"]),
        ...indent(valueCase),
        ["} else {"],
        ["  r.unknown({}, t); // a map entry keeps no unknown fields"],
        ["}"],
      ],
    ),
    ["r.assertEnd(e);"],
    ...store,
  );
  return lines;
}

/** A `case` clause; in its own block when it declares locals. */
function caseOf(t: number, body: Line[]): Line[] {
  const declares = body.some((l) => typeof l[0] === "string" && /^(const|let) /.test(l[0]));
  return declares ? block([`case ${t}:`], [...body, ["break;"]]) : [[`case ${t}:`], ...indent([...body, ["break;"]])];
}

function messageTag(fieldNo: number, delimited: boolean): number {
  return tag(fieldNo, delimited ? WireType.StartGroup : WireType.LengthDelimited);
}

/** Merges a sub-message (length-delimited or a group) into `target`, inside the reader's depth limit. */
function readMessage(fieldNo: number, delimited: boolean, target: Line): Line[] {
  if (delimited) return [["r.enter();"], [...target, `.$decode(r, r.len, ${fieldNo});`], ["r.leave();"]];
  return [["const msgEnd = r.delimitedEnd();"], ["r.enter();"], [...target, ".$decode(r, msgEnd);"], ["r.leave();"], ["r.assertEnd(msgEnd);"]];
}

/** Reads an enum value; a closed enum keeps an unknown number as an unknown varint field instead. */
function readEnum(ctx: FileContext, e: DescEnum, fieldNo: number, use: (v: string) => Line[]): Line[] {
  if (e.open) return use("r.int32()");
  return [
    ["const v = r.int32();"],
    ...block(["if (", ctx.type(e), "[v] !== undefined)"], use("v"), ["} else {"]),
    ["  ", ctx.rt("unknownEnum"), `(this, ${fieldNo}, v);`],
    ["}"],
  ];
}

function assign(field: DescField, v: string): Line {
  if (field.oneof) return [`this.${oneofName(field.oneof)} = { case: ${literal(fieldName(field))}, value: ${v} };`];
  return [`this.${fieldName(field)} = ${v};`];
}
