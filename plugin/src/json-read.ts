import { ScalarType, type DescEnum, type DescField, type DescMessage } from "@bufbuild/protobuf";
import { block, literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { hasOwnJsonForm, scalarJsonHelper, scalarTypeOf } from "./json-common.js";
import { fieldName, oneofName } from "./names.js";
import { scalarInfo } from "./scalar.js";
import { unboxedWrapper } from "./wrappers.js";

/**
 * `$fromJson`: one pass over the object's keys with a `case` per spelling a
 * field accepts (JSON name, proto name), values converted by the runtime's
 * helpers and stored by plain property stores. Any other key goes to the
 * runtime (extensions, `ignoreUnknownFields`, or an error). The helpers throw
 * errors without a path; readJson then reads the input again through the
 * field table, whose error names it. Well-known types with their own JSON
 * form keep the runtime's `$fromJson`.
 */
export function generateFromJson(ctx: FileContext, message: DescMessage): Line[] {
  if (hasOwnJsonForm(message)) return [];
  const cases: Line[] = [];
  for (const [field, keys] of keysByField(message)) {
    const body: Line[] = [];
    // Both spellings of one field in one object: JSON.parse cannot see that duplicate. Every key but the JSON name
    // checks for it (all keys, when clashing `json_name` options gave the JSON name to another field).
    if (keys.some((k) => k !== field.jsonName)) {
      const when = keys.includes(field.jsonName) ? `if (key !== ${literal(field.jsonName)}) ` : "";
      body.push([when, ctx.rt("checkOneSpelling"), `(json, ${literal(field.jsonName)});`]);
    }
    body.push([`const v = ${valueOf(keys)};`], ...readField(ctx, field));
    const labels = keys.map((k): Line => [`case ${literal(k)}:`]);
    cases.push(...labels.slice(0, -1), ...block(labels[labels.length - 1], [...body, ["break;"]]));
  }
  cases.push(["default:"], ["  ", ctx.rt("unknownKeyFromJson"), "(this, key, json[key]!, ctx);"]);
  const loop = block(["for (const key of ", ctx.rt("jsonKeys"), "(json, ctx))"], block(["switch (key)"], cases));
  const head: Line = ["override $fromJson(json: ", ctx.rt("JsonObject", true), ", ctx: ", ctx.rt("JsonReadContext", true), "): void"];
  return [[], ...block(head, loop)];
}

/**
 * A field's value, loaded by its literal key: a named property load that V8 caches per `case` (objects JSON.parse
 * makes for one message type share a shape), where `json[key]` is a generic lookup by a key that varies. The key
 * `__proto__` is loaded by the variable, as a literal `__proto__` would name the accessor.
 */
function valueOf(keys: string[]): string {
  if (keys.length > 2 || keys.includes("__proto__")) return "json[key]!";
  const load = (k: string) => `json[${literal(k)}]!`;
  return keys.length === 1 ? load(keys[0]) : `key === ${literal(keys[0])} ? ${load(keys[0])} : ${load(keys[1])}`;
}

/**
 * The keys naming each field, as the field table resolves them: proto name,
 * then JSON name, field by field, a later field taking a key an earlier one
 * had (only possible with clashing `json_name` options).
 */
function keysByField(message: DescMessage): Map<DescField, string[]> {
  const byKey = new Map<string, DescField>();
  for (const f of message.fields) {
    byKey.set(f.name, f);
    byKey.set(f.jsonName, f);
  }
  const byField = new Map<DescField, string[]>();
  for (const f of message.fields) byField.set(f, []);
  // JSON name first: the `case` a reader meets first is the spelling writers use.
  for (const [key, f] of byKey) {
    const keys = byField.get(f)!;
    if (key === f.jsonName) keys.unshift(key);
    else keys.push(key);
  }
  for (const [f, keys] of byField) if (keys.length === 0) byField.delete(f);
  return byField;
}

function readField(ctx: FileContext, field: DescField): Line[] {
  const x = `this.${fieldName(field)}`;
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
    case "message": {
      const guard = readsNull(field) ? "" : "if (v !== null) ";
      if (field.fieldKind === "enum") {
        const read: Line = ["const e = ", ctx.rt("enumFromJson"), "(", ctx.enumInfo(field.enum), ", v, ctx);"];
        const store = block(["if (e !== undefined)"], assign(ctx, field, ["e"]));
        return guard ? block(["if (v !== null)"], [read, ...store]) : [read, ...store];
      }
      const value = singularFromJson(ctx, field, "v");
      const store = assign(ctx, field, value);
      if (store.length === 1) return [[guard, ...store[0]]];
      return guard ? block(["if (v !== null)"], store) : store;
    }
    case "list": {
      if (field.listKind === "enum") return [["if (v !== null) ", ctx.rt("enumsFromJson"), `(${x}, `, ctx.enumInfo(field.enum), ", v, ctx);"]];
      if (field.listKind === "scalar" && asRead.has(field.scalar)) {
        return [["if (v !== null) ", `${x} = `, ctx.rt("scalarsFromJson"), `(${x}, `, ...scalarTypeOf(ctx, field.scalar), ", v);"]];
      }
      if (field.listKind === "message" && !hasOwnJsonForm(field.message)) {
        return [["if (v !== null) ", `${x} = `, ctx.rt("plainMessagesFromJson"), "(", ctx.type(field.message), ", v, ctx);"]];
      }
      const item: Line = field.listKind === "message" ? messageFromJson(ctx, field.message, "e") : scalarFromJson(ctx, field, "e");
      return [["if (v !== null) for (const e of ", ctx.rt("listFromJson"), `(v)) ${x}.push(`, ...item, ");"]];
    }
    case "map": {
      if (field.mapKind === "enum") {
        return [
          [
            "if (v !== null) ",
            ctx.rt("enumMapFromJson"),
            `((${x} = `,
            ctx.rt("dictionaryMap"),
            `(${x})), `,
            ...scalarTypeOf(ctx, field.mapKey),
            ", ",
            ctx.enumInfo(field.enum),
            ", v, ctx);",
          ],
        ];
      }
      const item: Line = field.mapKind === "message" ? messageFromJson(ctx, field.message, "o[k]!") : scalarFromJson(ctx, field, "o[k]!");
      return block(
        ["if (v !== null)"],
        [
          ["const o = ", ctx.rt("mapFromJson"), "(v);"],
          ["const keys = ", ctx.rt("jsonKeys"), "(o, ctx);"],
          [`${x} = `, ctx.rt("mapForJson"), `(${x}, keys);`],
          [`for (const k of keys) ${x}[`, ctx.rt("mapKeyFromJson"), "(", ...scalarTypeOf(ctx, field.mapKey), ", k)] = ", ...item, ";"],
        ],
      );
    }
  }
}

/** Scalars JSON holds as the field holds them: their lists are read by one check and one copy (`scalarsFromJson`). */
const asRead = new Set([
  ScalarType.INT32,
  ScalarType.SINT32,
  ScalarType.SFIXED32,
  ScalarType.UINT32,
  ScalarType.FIXED32,
  ScalarType.DOUBLE,
  ScalarType.BOOL,
  ScalarType.STRING,
]);

/** Singular fields whose JSON null is a value, not "unset": google.protobuf.Value and the NullValue enum. */
function readsNull(field: DescField & { fieldKind: "scalar" | "enum" | "message" }): boolean {
  if (field.fieldKind === "enum") return isNullValue(field.enum);
  return field.fieldKind === "message" && field.message.typeName === "google.protobuf.Value";
}

function isNullValue(e: DescEnum): boolean {
  return e.typeName === "google.protobuf.NullValue";
}

/** Stores a singular value: the property, or the oneof (which must not have a member yet). */
function assign(ctx: FileContext, field: DescField, value: Line): Line[] {
  if (!field.oneof) return [[`this.${fieldName(field)} = `, ...value, ";"]];
  const o = `this.${oneofName(field.oneof)}`;
  return [
    // Checked before the value is read, but only enum values can be skipped, and those are read first (readField).
    [`if (${o}.case !== undefined) throw `, ctx.rt("oneofGivenTwice"), `(${literal(oneofName(field.oneof))});`],
    [`${o} = { case: ${literal(fieldName(field))}, value: `, ...value, " };"],
  ];
}

function singularFromJson(ctx: FileContext, field: DescField & { fieldKind: "scalar" | "message" }, v: string): Line {
  if (field.fieldKind === "scalar") return scalarFromJson(ctx, field, v);
  const wrapped = unboxedWrapper(field);
  if (wrapped === undefined) return messageFromJson(ctx, field.message, v);
  return scalarRead(ctx, field, wrapped, v);
}

function scalarFromJson(ctx: FileContext, field: DescField, v: string): Line {
  return scalarRead(ctx, field, field.scalar!, v);
}

/**
 * Reads a scalar of type `t`; a 64-bit value read as a bigint becomes its decimal string for `long_type=string` / `jstype = JS_STRING`.
 */
function scalarRead(ctx: FileContext, field: DescField, t: ScalarType, v: string): Line {
  const read: Line = [ctx.rt(scalarJsonHelper(t, "FromJson")), `(${v})`];
  return ctx.long(field) === "string" && scalarInfo(t).is64 ? ["String(", ...read, ")"] : read;
}

/** A message value; one without a JSON form of its own goes to its generated reader at once. */
function messageFromJson(ctx: FileContext, message: DescMessage, v: string): Line {
  return [ctx.rt(hasOwnJsonForm(message) ? "messageFromJson" : "plainMessageFromJson"), "(", ctx.type(message), `, ${v}, ctx)`];
}
