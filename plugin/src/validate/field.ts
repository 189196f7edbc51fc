import { isFieldSet, ScalarType, type DescField } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { FieldRulesSchema, Ignore, type FieldRules, type MapRules, type RepeatedRules } from "@bufbuild/protovalidate/gen/buf/validate/validate_pb.js";
import { indent, literal, type Line } from "../code.js";
import { fieldName, oneofName } from "../names.js";
import { scalarIsSet } from "../scalar.js";
import { unboxedWrapper } from "../wrappers.js";
import { cel, celChecks } from "./cel.js";
import { celThisOfCollection } from "./cel-compile.js";
import { typeRules } from "./kinds.js";
import { fieldStep, RulePath } from "./paths.js";
import { hasExtensions, predefinedChecks } from "./predefined.js";
import { fieldRules } from "./rules.js";
import { check, ruleField, violation, type Site, type ValidateContext } from "./site.js";
import { valueChecks, type Place, type ValueKind } from "./value.js";

/** The checks of one field of a message `m`, as protovalidate's planner orders them. */
export function fieldChecks(x: ValidateContext, field: DescField, inMessageOneof: boolean): Line[] {
  const rules = fieldRules(field);
  let ignore = rules?.ignore ?? Ignore.UNSPECIFIED;
  if (inMessageOneof && !(rules && isFieldSet(rules, FieldRulesSchema.field.ignore))) ignore = Ignore.IF_ZERO_VALUE;
  const required = !!rules?.required && ignore !== Ignore.ALWAYS;
  const step = fieldStep(field);
  const body = ignore === Ignore.ALWAYS ? [] : fieldBody(x, field, rules, step);
  if (!required && body.length === 0) return [];
  const set = isSet(x, field);
  const lines: Line[] = [];
  const root: Site = { step, sub: "undefined", forKey: false, rules: new RulePath() };
  if (required) lines.push(check(`!(${set})`, violation(root, FieldRulesSchema.field.required, "required", "value is required")));
  if (body.length === 0) return block(lines);
  const always =
    !required &&
    ignore === Ignore.UNSPECIFIED &&
    (field.fieldKind === "list" || field.fieldKind === "map" || (isScalarLike(field) && field.presence === FeatureSet_FieldPresence.IMPLICIT && !field.oneof));
  const withValue: Line[] = [[`const v${field.fieldKind === "enum" ? ": number" : ""} = ${valueExpr(x, field)};`], ...body];
  // Once `required` holds, the field is set, so the ignore condition holds too.
  if (required) lines.push(["else {"], ...indent(withValue), ["}"]);
  else if (always) lines.push(...withValue);
  else lines.push([`if (${set}) {`], ...indent(withValue), ["}"]);
  return block(lines);
}

function block(lines: Line[]): Line[] {
  return [["{"], ...indent(lines), ["}"]];
}

const isScalarLike = (f: DescField) => (f.fieldKind === "scalar" || f.fieldKind === "enum") && unboxedWrapper(f) === undefined;

/** The field's value as generated classes hold it (64-bit numbers kept as strings become bigint for comparisons). */
function valueExpr(x: ValidateContext, field: DescField): string {
  const raw = field.oneof ? `m.${oneofName(field.oneof)}.value!` : `m.${fieldName(field)}${field.fieldKind === "message" ? "!" : ""}`;
  const scalar = field.fieldKind === "scalar" ? field.scalar : field.fieldKind === "message" ? unboxedWrapper(field) : undefined;
  if (field.fieldKind !== "list" && field.fieldKind !== "map" && scalar !== undefined && is64(scalar) && x.long(field) === "string") return `BigInt(${raw})`;
  if (field.oneof || (field.fieldKind === "scalar" && field.presence !== FeatureSet_FieldPresence.IMPLICIT) || unboxedWrapper(field) !== undefined)
    return `${raw.replace(/!$/, "")}!`;
  return raw;
}

const is64 = (s: ScalarType) => [ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64].includes(s);

/** protovalidate's "is set": a oneof case, a present optional, a non-empty list or map, a non-zero implicit scalar. */
export function isSet(x: ValidateContext, field: DescField): string {
  if (field.oneof) return `m.${oneofName(field.oneof)}.case === ${literal(fieldName(field))}`;
  const name = `m.${fieldName(field)}`;
  switch (field.fieldKind) {
    case "list":
      return `${name}.length !== 0`;
    case "map":
      return `Object.keys(${name}).length !== 0`;
    case "message":
      return `${name} !== undefined`;
    case "enum":
      return field.presence === FeatureSet_FieldPresence.IMPLICIT ? `${name} !== 0` : `${name} !== undefined`;
    case "scalar":
      if (field.presence !== FeatureSet_FieldPresence.IMPLICIT) return `${name} !== undefined`;
      return scalarIsSet(field.scalar, x.long(field), name);
  }
}

function kindOf(field: DescField): ValueKind {
  const wrapper = unboxedWrapper(field);
  if (wrapper !== undefined) return { kind: "scalar", scalar: wrapper, wrapper: wrapperRule(field.message!.typeName) };
  if (field.fieldKind === "map" || field.fieldKind === "list") {
    const k = field.fieldKind === "map" ? field.mapKind : field.listKind;
    if (k === "message") return { kind: "message", message: field.message! };
    if (k === "enum") return { kind: "enum", enum: field.enum! };
    return { kind: "scalar", scalar: field.scalar! };
  }
  if (field.fieldKind === "message") return { kind: "message", message: field.message };
  if (field.fieldKind === "enum") return { kind: "enum", enum: field.enum };
  return { kind: "scalar", scalar: field.scalar };
}

const wrapperRule = (typeName: string) => typeName.slice("google.protobuf.".length, -"Value".length).toLowerCase();

/** The checks of a field's value (held in `v`), by the field's shape. */
function fieldBody(x: ValidateContext, field: DescField, rules: FieldRules | undefined, step: string): Line[] {
  const root = new RulePath();
  if (field.fieldKind === "list") return listBody(x, field, rules, step);
  if (field.fieldKind === "map") return mapBody(x, field, rules, step);
  return valueChecks(x, { step, sub: "undefined", forKey: false, base: root }, kindOf(field), rules, field);
}

function listBody(x: ValidateContext, field: DescField, rules: FieldRules | undefined, step: string): Line[] {
  const out: Line[] = [...valueChecksOfCollection(x, field, rules, step)];
  const list = typeRules<RepeatedRules>(rules, "repeated", field);
  const base = RulePath.of("repeated");
  const s: Site = { step, sub: "undefined", forKey: false, rules: base };
  const F = (n: string) => ruleField("repeated", n);
  if (list && hasExtensions(list)) out.push(predefinedChecks(x, s, "repeated", list, field, collectionSelf(x, field), celThisOfCollection(field, "v")));
  else if (list) out.push(...repeatedChecks(x, s, list));
  const items = list?.items;
  const kind = kindOf(field);
  const itemPlace: Place = { step, sub: "i", forKey: false, base: base.with(F("items")) };
  const checks = items?.ignore === Ignore.ALWAYS ? [] : valueChecks(x, itemPlace, kind, items, field);
  if (checks.length === 0) return out;
  const skipZero = items?.ignore === Ignore.IF_ZERO_VALUE && kind.kind !== "message";
  const body = skipZero ? [[`if (${zeroTest(x, field, "v")}) continue;`] as Line, ...checks] : checks;
  return [
    ...out,
    ["const list = v;"],
    ["for (let i = 0; i < list.length; i++) {"],
    [`  const v${kind.kind === "enum" ? ": number" : ""} = list[i]!;`],
    ...indent(body),
    ["}"],
  ];
}

function repeatedChecks(x: ValidateContext, s: Site, list: RepeatedRules): Line[] {
  const F = (n: string) => ruleField("repeated", n);
  const out: Line[] = [];
  if (isFieldSet(list, F("min_items")))
    out.push(check(`v.length < ${list.minItems}`, violation(s, F("min_items"), "repeated.min_items", `must contain at least ${list.minItems} item(s)`)));
  if (isFieldSet(list, F("max_items")))
    out.push(check(`v.length > ${list.maxItems}`, violation(s, F("max_items"), "repeated.max_items", `must contain no more than ${list.maxItems} item(s)`)));
  if (list.unique) out.push(["if (!", x.v("unique"), "(v)) ", violation(s, F("unique"), "repeated.unique", "repeated value must contain unique items")]);
  return out;
}

function mapBody(x: ValidateContext, field: DescField, rules: FieldRules | undefined, step: string): Line[] {
  const out: Line[] = [...valueChecksOfCollection(x, field, rules, step)];
  const map = typeRules<MapRules>(rules, "map", field);
  const base = RulePath.of("map");
  const s: Site = { step, sub: "undefined", forKey: false, rules: base };
  const F = (n: string) => ruleField("map", n);
  if (map && hasExtensions(map)) out.push(predefinedChecks(x, s, "map", map, field, collectionSelf(x, field), celThisOfCollection(field, "v")));
  else if (map) {
    if (isFieldSet(map, F("min_pairs")))
      out.push(check(`Object.keys(v).length < ${map.minPairs}`, violation(s, F("min_pairs"), "map.min_pairs", `map must be at least ${map.minPairs} entries`)));
    if (isFieldSet(map, F("max_pairs")))
      out.push(check(`Object.keys(v).length > ${map.maxPairs}`, violation(s, F("max_pairs"), "map.max_pairs", `map must be at most ${map.maxPairs} entries`)));
  }
  const keyKind: ValueKind = { kind: "scalar", scalar: (field as { mapKey: ScalarType }).mapKey };
  const keyChecks =
    map?.keys?.ignore === Ignore.ALWAYS ? [] : valueChecks(x, { step, sub: "k", forKey: true, base: base.with(F("keys")) }, keyKind, map?.keys, field);
  const valueKind = kindOf(field);
  const valChecks =
    map?.values?.ignore === Ignore.ALWAYS ? [] : valueChecks(x, { step, sub: "k", forKey: false, base: base.with(F("values")) }, valueKind, map?.values, field);
  if (keyChecks.length === 0 && valChecks.length === 0) return out;
  const body: Line[] = [];
  if (keyChecks.length) {
    const keyZero = map?.keys?.ignore === Ignore.IF_ZERO_VALUE ? `if (!(${keyZeroTest((field as { mapKey: ScalarType }).mapKey)})) ` : "";
    body.push([keyZero, "{"], [`  const v = ${keyValue((field as { mapKey: ScalarType }).mapKey)};`], ...indent(keyChecks), ["}"]);
  }
  if (valChecks.length) {
    const skip = map?.values?.ignore === Ignore.IF_ZERO_VALUE && valueKind.kind !== "message" ? `if (!(${zeroTest(x, field, "map[k]!")})) ` : "";
    body.push([skip, "{"], [`  const v${valueKind.kind === "enum" ? ": number" : ""} = map[k]!;`], ...indent(valChecks), ["}"]);
  }
  return [...out, ["const map = v;"], ["for (const k in map) {"], ...indent(body), ["}"]];
}

/** Custom CEL on the list or map as a whole is evaluated before its own rules. */
function valueChecksOfCollection(x: ValidateContext, field: DescField, rules: FieldRules | undefined, step: string): Line[] {
  return celChecks(x, { step, sub: "undefined", forKey: false, base: new RulePath() }, rules, field, collectionSelf(x, field), celThisOfCollection(field, "v"));
}

/** A list or map field of `m` as CEL's `this`. */
const collectionSelf = (x: ValidateContext, field: DescField): Line => [cel(x, "celField"), `(m, ${field.number})`];

/** A map key as its type: generated maps key by the string form. */
function keyValue(key: ScalarType): string {
  if (key === ScalarType.STRING) return "k";
  if (key === ScalarType.BOOL) return `k === "true"`;
  return is64(key) ? "BigInt(k)" : "Number(k)";
}

function keyZeroTest(key: ScalarType): string {
  return key === ScalarType.STRING ? `k === ""` : key === ScalarType.BOOL ? `k === "false"` : `k === "0"`;
}

/** Whether a list item or map value `v` is its type's zero value (for `ignore: IF_ZERO_VALUE`). */
function zeroTest(x: ValidateContext, field: DescField, v: string): string {
  if (field.enum) return `${v} === ${field.enum.values[0].number}`;
  return `!(${scalarIsSet(field.scalar!, x.long(field), v)})`;
}
