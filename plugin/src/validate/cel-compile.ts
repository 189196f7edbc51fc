import { isCelUint, plan, type CelEnv, type parse } from "@bufbuild/cel";
import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { Printable } from "@bufbuild/protoplugin";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";
import { literal } from "../code.js";
import { fieldName, oneofName } from "../names.js";
import { unboxedWrapper } from "../wrappers.js";
import { regexLiteral } from "./regex.js";
import type { ValidateContext } from "./site.js";

/**
 * CEL expressions compiled to TypeScript at generation time: the common subset (field access,
 * literals, comparisons, arithmetic, logic, `size`, `has`, string functions and protovalidate's
 * format functions) becomes a specialised expression over the generated classes' values. What it
 * computes is what `@bufbuild/cel` computes, overload for overload; where CEL would end in an
 * error (overflow, division by zero), the compiled code throws `celDefer` and the rule is
 * evaluated by `@bufbuild/cel` instead, which gives the exact error, or the value CEL's
 * error-absorbing `&&` and `||` make of it. An expression outside the subset is not compiled.
 */

/** A parsed CEL expression. */
export type Expr = ReturnType<typeof parse>["expr"];

/** Generated code: text and import symbols. */
export type Code = Printable[];

/** A value's CEL type and how the generated code holds it (ints as integral numbers, or bigint). */
export type CelType =
  { k: "bool" | "string" | "bytes" | "double" | "map" | "list" } | { k: "int" | "uint"; big: boolean } | { k: "msg"; desc: DescMessage; opt: boolean };

/** A value: code computing it, and its type. `this` is one: an expression of the generated code (`m`, `v`). */
export interface CelValue {
  code: Code;
  t: CelType;
  /** An integer literal's value. */
  lit?: bigint;
  /** A string literal's value. */
  str?: string;
}

/**
 * Variables whose values are known at generation time (a predefined rule's `rules` and `rule`), as
 * `@bufbuild/cel` values: a sub-expression reading only them is evaluated by `@bufbuild/cel` in the
 * plugin, and its value, when the subset can write it, becomes a literal.
 */
export interface Known {
  env: CelEnv;
  bindings: Record<string, unknown>;
}

/**
 * Code of type `boolean | string` computing `expr`, or undefined when it is outside the subset.
 * `known`: variables with values known at generation time (a predefined rule's `rules`, `rule`).
 */
export function compileCel(x: ValidateContext, expr: Expr, self: CelValue | undefined, known?: Known): Code | undefined {
  const v = new Compiler(x, self, known).expr(expr);
  return v && (v.t.k === "bool" || v.t.k === "string") ? v.code : undefined;
}

/** `this` of a scalar or enum value held in `code` (a field-level rule); undefined when the subset does not cover it. */
export function celThisOfScalar(x: ValidateContext, field: DescField, scalar: ScalarType | "enum", code: string): CelValue | undefined {
  const t = scalarType(scalar);
  if (isBig(t) && (x.long(field) === "string" || (field as { longAsString?: boolean }).longAsString)) return undefined;
  return { code: [code], t };
}

/** `this` of a message value held in `code` (a field-level rule or the message's own rules). */
export function celThisOfMessage(desc: DescMessage, code: string): CelValue | undefined {
  return desc.typeName.startsWith("google.protobuf.") ? undefined : { code: [code], t: { k: "msg", desc, opt: false } };
}

/** `this` of a whole list or map held in `code`. */
export function celThisOfCollection(field: DescField, code: string): CelValue {
  return { code: [code], t: { k: field.fieldKind === "map" ? "map" : "list" } };
}

/** Code from a template: interpolations are code, strings or import symbols. */
function p(strings: TemplateStringsArray, ...parts: (Code | Printable)[]): Code {
  const out: Code = [strings[0]];
  parts.forEach((part, i) => {
    if (Array.isArray(part)) out.push(...(part as Code));
    else out.push(part);
    out.push(strings[i + 1]);
  });
  return out;
}

function isBig(t: CelType): boolean {
  return (t.k === "int" || t.k === "uint") && t.big;
}
const numeric = (t: CelType) => t.k === "int" || t.k === "uint" || t.k === "double";
const integral = (t: CelType) => t.k === "int" || t.k === "uint";

function scalarType(s: ScalarType | "enum"): CelType {
  switch (s) {
    case "enum":
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return { k: "int", big: false };
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return { k: "uint", big: false };
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return { k: "int", big: true };
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return { k: "uint", big: true };
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE:
      return { k: "double" };
    case ScalarType.BOOL:
      return { k: "bool" };
    case ScalarType.STRING:
      return { k: "string" };
    case ScalarType.BYTES:
      return { k: "bytes" };
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_INT = 2n ** 63n - 1n;
const bool = (code: Code): CelValue => ({ code, t: { k: "bool" } });

class Compiler {
  constructor(
    private readonly x: ValidateContext,
    private readonly self: CelValue | undefined,
    private readonly known: Known | undefined,
  ) {}

  /** A helper of `@tsgrpc/runtime/validate/cel`. */
  private op(name: string): Printable {
    return this.x.g.import(name, this.x.validate.module + "/cel");
  }

  expr(e: Expr): CelValue | undefined {
    const k = e.exprKind;
    if (this.known && k.case !== "constExpr" && readsOnly(e, this.known.bindings)) {
      const folded = this.fold(e, this.known);
      if (folded) return folded;
    }
    switch (k.case) {
      case "constExpr":
        return constant(k.value.constantKind);
      case "identExpr":
        return k.value.name === "this" ? this.self : undefined;
      case "selectExpr": {
        const operand = k.value.operand && this.expr(k.value.operand);
        if (operand?.t.k !== "msg") return undefined;
        const field = operand.t.desc.fields.find((f) => f.name === k.value.field);
        if (!field) return undefined;
        return k.value.testOnly ? this.has(operand.code, operand.t.opt, field) : this.field(operand.code, operand.t.opt, field);
      }
      case "callExpr": {
        const target = k.value.target && this.expr(k.value.target);
        if (k.value.target && !target) return undefined;
        const args: CelValue[] = [];
        for (const a of k.value.args) {
          const v = this.expr(a);
          if (!v) return undefined;
          args.push(v);
        }
        return target ? this.method(k.value.function, target, args) : this.call(k.value.function, args);
      }
      default:
        return undefined;
    }
  }

  /** The value of `e`, which reads only known variables, as a literal; undefined when CEL errs or the subset cannot write it. */
  private fold(e: Expr, known: Known): CelValue | undefined {
    let v: unknown;
    try {
      v = plan(known.env, e)(known.bindings as never);
    } catch {
      return undefined;
    }
    switch (typeof v) {
      case "boolean":
        return bool([String(v)]);
      case "string":
        return { code: [literal(v)], t: { k: "string" }, str: v };
      case "number":
        return { code: [doubleLiteral(v)], t: { k: "double" } };
      case "bigint":
        return intLiteral(v, "int");
      default:
        return isCelUint(v) ? intLiteral(v.value, "uint") : undefined;
    }
  }

  /** A field of a message (`opt`: the message may be unset); unset fields read as their default, as CEL reads them. */
  private field(m: Code, opt: boolean, f: DescField): CelValue | undefined {
    if (f.oneof) {
      const t = this.scalarOf(f);
      if (opt || !t) return undefined;
      const o = p`${m}.${oneofName(f.oneof)}`;
      return { code: p`(${o}.case === ${literal(fieldName(f))} ? ${this.long(f, p`${o}.value`)} : ${zero(f)})`, t };
    }
    const name = p`${m}${opt ? "?." : "."}${fieldName(f)}`;
    switch (f.fieldKind) {
      case "list":
      case "map":
        return opt ? undefined : { code: name, t: { k: f.fieldKind } };
      case "message":
        if (f.message.typeName.startsWith("google.protobuf.")) return undefined;
        return { code: name, t: { k: "msg", desc: f.message, opt: true } };
      default: {
        const t = this.scalarOf(f);
        if (!t) return undefined;
        const value = opt || f.presence !== FeatureSet_FieldPresence.IMPLICIT ? p`(${name} ?? ${zero(f)})` : name;
        return { code: this.long(f, value), t };
      }
    }
  }

  /** A scalar or enum field the subset reads: not an unboxed wrapper (CEL reads those as null when unset), no proto2 default, no jstype string. */
  private scalarOf(f: DescField): CelType | undefined {
    if (f.fieldKind === "enum") return f.getDefaultValue() === undefined ? scalarType("enum") : undefined;
    if (f.fieldKind !== "scalar" || f.longAsString || f.getDefaultValue() !== undefined) return undefined;
    return scalarType(f.scalar);
  }

  /** 64-bit values held as strings (`long_type=string`) as bigint. */
  private long(f: DescField, code: Code): Code {
    return f.fieldKind === "scalar" && isBig(scalarType(f.scalar)) && this.x.long(f) === "string" ? p`BigInt(${code})` : code;
  }

  /** `has(m.f)`: protobuf-es's isFieldSet, which @bufbuild/cel asks (an unset message has nothing set). */
  private has(m: Code, opt: boolean, f: DescField): CelValue | undefined {
    if (unboxedWrapper(f) !== undefined && f.oneof) return undefined;
    if (f.oneof) return opt ? undefined : bool(p`(${m}.${oneofName(f.oneof)}.case === ${literal(fieldName(f))})`);
    const name = p`${m}${opt ? "?." : "."}${fieldName(f)}`;
    if (f.fieldKind === "list") return bool(opt ? p`((${name}?.length ?? 0) !== 0)` : p`(${name}.length !== 0)`);
    if (f.fieldKind === "map") return bool(p`(Object.keys(${name} ?? {}).length !== 0)`);
    if (f.fieldKind === "message" || f.presence !== FeatureSet_FieldPresence.IMPLICIT) return bool(p`(${name} !== undefined)`);
    if (f.fieldKind === "enum") {
      const first = String(f.enum.values[0].number);
      return bool(p`((${name} ?? ${first}) !== ${first})`);
    }
    switch (f.scalar) {
      case ScalarType.DOUBLE:
      case ScalarType.FLOAT:
        return bool(p`!Object.is(${name} ?? 0, 0)`);
      case ScalarType.BYTES:
        return bool(p`((${name}?.length ?? 0) !== 0)`);
      default: {
        const z = isBig(scalarType(f.scalar)) && this.x.long(f) === "string" ? '"0"' : zero(f);
        return bool(p`((${name} ?? ${z}) !== ${z})`);
      }
    }
  }

  private call(fn: string, args: CelValue[]): CelValue | undefined {
    const [a, b, c] = args;
    switch (fn) {
      case "!_":
        return a.t.k === "bool" ? bool(p`!${a.code}`) : undefined;
      case "-_":
        if (a.t.k === "double") return { code: p`(-${a.code})`, t: a.t };
        return a.t.k === "int" ? { code: p`${this.op("celIntSub")}(0n, ${asBig(a)})`, t: { k: "int", big: true } } : undefined;
      case "_&&_":
      case "_||_":
        return a.t.k === "bool" && b.t.k === "bool" ? bool(p`(${a.code} ${fn === "_&&_" ? "&&" : "||"} ${b.code})`) : undefined;
      case "_?_:_":
        return a.t.k === "bool" && sameRepr(b.t, c.t) ? { code: p`(${a.code} ? ${b.code} : ${c.code})`, t: b.t } : undefined;
      case "_==_":
      case "_!=_": {
        const eq = this.equals(a, b);
        return eq && bool(fn === "_==_" ? eq : p`!${eq}`);
      }
      case "_<_":
      case "_<=_":
      case "_>_":
      case "_>=_":
        return this.order(fn.slice(1, -1), a, b);
      case "_+_":
      case "_-_":
      case "_*_":
      case "_/_":
      case "_%_":
        return this.arith(fn.slice(1, -1), a, b);
      case "size":
        return args.length === 1 ? this.size(a) : undefined;
      case "int":
      case "uint":
        return args.length === 1 && integral(a.t) ? this.convert(fn, a) : undefined;
      default:
        return undefined;
    }
  }

  /** Methods: `size`, the string functions, and protovalidate's extension functions (the same checks as its standard rules). */
  private method(fn: string, s: CelValue, args: CelValue[]): CelValue | undefined {
    const v = (name: string) => this.x.v(name);
    const [a, b] = args;
    switch (`${fn}(${[s.t.k, ...args.map((x) => x.t.k)].join(",")})`) {
      case "size(string)":
      case "size(bytes)":
      case "size(list)":
      case "size(map)":
        return this.size(s);
      case "startsWith(string,string)":
      case "endsWith(string,string)":
      case "contains(string,string)":
        return bool(p`${s.code}.${fn === "contains" ? "includes" : fn}(${a.code})`);
      case "isEmail(string)":
      case "isHostname(string)":
      case "isUri(string)":
      case "isUriRef(string)":
      case "isIp(string)":
      case "isIpPrefix(string)":
        return bool(p`${v(fn)}(${s.code})`);
      case "isIp(string,int)":
      case "isIpPrefix(string,int)":
        return bool(p`${v(fn)}(${s.code}, ${asNumber(a)})`);
      case "isIpPrefix(string,bool)":
        return bool(p`${v(fn)}(${s.code}, undefined, ${a.code})`);
      case "isIpPrefix(string,int,bool)":
        return bool(p`${v(fn)}(${s.code}, ${asNumber(a)}, ${b.code})`);
      case "isHostAndPort(string,bool)":
        return bool(p`${v(fn)}(${s.code}, ${a.code})`);
      case "matches(string,string)":
        return a.str === undefined ? undefined : this.matches(s, a.str);
      case "isNan(double)":
        return bool(p`Number.isNaN(${s.code})`);
      case "isInf(double)":
        return bool(p`(Math.abs(${s.code}) === Infinity)`);
      default:
        return undefined;
    }
  }

  /** `int(uint)` and `uint(int)`: the value when in range (small values stay numbers), else CEL's range error. */
  private convert(to: "int" | "uint", a: CelValue): CelValue {
    if (a.t.k === to) return a;
    if (a.lit !== undefined && (to === "int" ? a.lit <= MAX_INT : a.lit >= 0n)) return intLiteral(a.lit, to);
    return { code: p`${this.op(to === "int" ? "celInt" : "celUint")}(${a.code})`, t: { k: to, big: isBig(a.t) } };
  }

  /**
   * `matches` with a constant pattern, run as the standard `pattern` rule runs (a JavaScript RegExp
   * after regex.ts's translation of RE2); a pattern the translation cannot run stays with `@bufbuild/cel`.
   */
  private matches(s: CelValue, pattern: string): CelValue | undefined {
    let re: string;
    try {
      re = regexLiteral(pattern);
    } catch {
      return undefined;
    }
    return bool(p`${re}.test(${s.code})`);
  }

  private size(a: CelValue): CelValue | undefined {
    const int = (code: Code): CelValue => ({ code, t: { k: "int", big: false } });
    switch (a.t.k) {
      case "string":
        return int(p`${this.x.v("codepoints")}(${a.code})`);
      case "bytes":
      case "list":
        return int(p`${a.code}.length`);
      case "map":
        return int(p`Object.keys(${a.code}).length`);
      default:
        return undefined;
    }
  }

  /** `a == b` as @bufbuild/cel's `equals`: numbers across types, everything else by type and value. */
  private equals(a: CelValue, b: CelValue): Code | undefined {
    if ((a.t.k === "bool" || a.t.k === "string") && a.t.k === b.t.k) return p`(${a.code} === ${b.code})`;
    if (a.t.k === "bytes" && b.t.k === "bytes") return p`${this.x.v("bytesEqual")}(${a.code}, ${b.code})`;
    if (!numeric(a.t) || !numeric(b.t)) return undefined;
    if (integral(a.t) && integral(b.t)) return isBig(a.t) || isBig(b.t) ? p`(${asBig(a)} === ${asBig(b)})` : p`(${a.code} === ${b.code})`;
    if (!isBig(a.t) && !isBig(b.t)) return p`(${a.code} === ${b.code})`;
    // a double against a bigint: JavaScript's == compares them exactly, as @bufbuild/cel does.
    return p`${this.op("celNumEq")}(${a.code}, ${b.code})`;
  }

  private order(op: string, a: CelValue, b: CelValue): CelValue | undefined {
    if (a.t.k === "string" && b.t.k === "string") return bool(p`(${a.code} ${op} ${b.code})`);
    if (!numeric(a.t) || !numeric(b.t)) return undefined;
    if (integral(a.t) && integral(b.t)) return bool(isBig(a.t) || isBig(b.t) ? p`(${asBig(a)} ${op} ${asBig(b)})` : p`(${a.code} ${op} ${b.code})`);
    // int against double: @bufbuild/cel converts the int to a double first (lossy, as it is).
    return bool(p`(${asNumber(a)} ${op} ${asNumber(b)})`);
  }

  private arith(op: string, a: CelValue, b: CelValue): CelValue | undefined {
    if (op === "+" && a.t.k === "string" && b.t.k === "string") return { code: p`(${a.code} + ${b.code})`, t: a.t };
    if (a.t.k === "double" && b.t.k === "double") return op === "%" ? undefined : { code: p`(${a.code} ${op} ${b.code})`, t: a.t };
    if (!integral(a.t) || a.t.k !== b.t.k) return undefined;
    const k = a.t.k === "int" ? "int" : "uint";
    const name = { "+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Mod" }[op]!;
    return { code: p`${this.op(`cel${k === "int" ? "Int" : "Uint"}${name}`)}(${asBig(a)}, ${asBig(b)})`, t: { k, big: true } };
  }
}

/** Whether `e` reads no variable but those of `bindings` (nor `this`, `now` or a macro's). */
function readsOnly(e: Expr, bindings: Record<string, unknown>): boolean {
  const k = e.exprKind;
  switch (k.case) {
    case "constExpr":
      return true;
    case "identExpr":
      return Object.hasOwn(bindings, k.value.name);
    case "selectExpr":
      return k.value.operand !== undefined && readsOnly(k.value.operand, bindings);
    case "callExpr":
      return (!k.value.target || readsOnly(k.value.target, bindings)) && k.value.args.every((a) => readsOnly(a, bindings));
    case "listExpr":
      return k.value.elements.every((a) => readsOnly(a, bindings));
    default:
      return false;
  }
}

function constant(c: Extract<Expr["exprKind"], { case: "constExpr" }>["value"]["constantKind"]): CelValue | undefined {
  switch (c.case) {
    case "boolValue":
      return bool([String(c.value)]);
    case "stringValue":
      return { code: [literal(c.value)], t: { k: "string" }, str: c.value };
    case "doubleValue":
      return { code: [doubleLiteral(c.value)], t: { k: "double" } };
    case "int64Value":
      return intLiteral(c.value, "int");
    case "uint64Value":
      return intLiteral(c.value, "uint");
    default:
      return undefined;
  }
}

function sameRepr(a: CelType, b: CelType): boolean {
  if (a.k !== b.k || a.k === "msg") return false;
  return isBig(a) === isBig(b);
}

function asBig(v: CelValue): Code {
  if (v.lit !== undefined) return [`${v.lit < 0n ? "(" : ""}${v.lit}n${v.lit < 0n ? ")" : ""}`];
  return isBig(v.t) ? v.code : p`BigInt(${v.code})`;
}

function asNumber(v: CelValue): Code {
  return isBig(v.t) ? p`Number(${v.code})` : v.code;
}

function intLiteral(v: bigint, k: "int" | "uint"): CelValue {
  const small = v <= MAX_SAFE && v >= -MAX_SAFE;
  return { code: [small ? (v < 0n ? `(${v})` : String(v)) : v < 0n ? `(${v}n)` : `${v}n`], t: { k, big: !small }, lit: v };
}

function doubleLiteral(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (Object.is(v, -0)) return "(-0)";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "(-Infinity)";
  return v < 0 ? `(${v})` : String(v);
}

/** The value CEL reads for an unset scalar or enum field. */
function zero(f: DescField): string {
  if (f.fieldKind === "enum") return String(f.enum.values[0].number);
  switch (f.scalar) {
    case ScalarType.STRING:
      return '""';
    case ScalarType.BOOL:
      return "false";
    case ScalarType.BYTES:
      return "new Uint8Array(0)";
    default:
      return f.scalar !== undefined && isBig(scalarType(f.scalar)) ? "0n" : "0";
  }
}
