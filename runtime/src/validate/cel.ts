/**
 * `@tsgrpc/runtime/validate/cel`: custom CEL rules (`cel`, `cel_expression` on fields and
 * messages), as protovalidate defines them. Rules the plugin compiled to TypeScript run as they
 * are (cel-ops.ts holds what they call); the others, and compiled ones that hand over, are
 * evaluated with `@bufbuild/cel`. Only generated files with such rules import this module, so
 * `@bufbuild/cel` (an optional peer dependency) is loaded by those alone. A message `this` is
 * built for `@bufbuild/cel` from the descriptors the generated file embeds, only when needed.
 */
import { celEnv, celFromScalar, celFunc, celMethod, CelScalar, isCelError, listType, parse, plan, type CelEnv, type CelFunc } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { create, fromBinary, fromJson, getExtension, type DescMessage, type FileRegistry, type JsonValue, type Message as Message$ } from "@bufbuild/protobuf";
import { isReflectMessage, reflect } from "@bufbuild/protobuf/reflect";
import { isWrapperDesc, timestampNow } from "@bufbuild/protobuf/wkt";
import type { Message, MessageType } from "../message.js";
import { LongType } from "../scalar.js";
import type { FileInfo } from "../registry.js";
import type { ValidationContext } from "./context.js";
import { isEmail, isHostAndPort, isHostname, isIp, isIpPrefix, isUri, isUriRef } from "./formats/index.js";
import type { PathNode, PathStep, RuleStep } from "./path.js";
import { bytesContain, bytesEndWith, bytesStartWith, unique } from "./values.js";
import { RuntimeError } from "./violation.js";
import { celDefer } from "./cel-ops.js";
import { embeddedRegistry } from "./embedded-registry.js";

export {
  celDefer,
  celIntAdd,
  celIntSub,
  celIntMul,
  celIntDiv,
  celIntMod,
  celUintAdd,
  celUintSub,
  celUintMul,
  celUintDiv,
  celUintMod,
  celNumEq,
  celInt,
  celUint,
} from "./cel-ops.js";

/**
 * One custom rule: id, message (may be empty), expression, its rule path, and the expression
 * compiled to TypeScript by the plugin when it is in the compiled subset (cel-ops.ts). A
 * predefined rule also names its extension, whose value CEL reads as `rule`.
 */
export type CelRule = readonly [
  id: string,
  message: string,
  expression: string,
  rule: readonly RuleStep[],
  compiled?: (() => boolean | string) | undefined,
  extension?: string,
];

/**
 * Evaluates `rules` against `self` (a value from `celScalar`, `celMessage` or `celField`) and
 * records their violations. A compiled rule runs as it is; `@bufbuild/cel` evaluates the others,
 * and the compiled ones that hand over (`celDefer`), with `this` built only then. Standard and
 * predefined rules also read `rules`, the rules message (`rulesType` in proto3 JSON `rulesJson`).
 */
export function checkCel(
  c: ValidationContext,
  p: PathNode | undefined,
  step: PathStep | undefined,
  sub: number | string | undefined,
  forKey: boolean,
  file: FileInfo,
  self: (registry: FileRegistry) => unknown,
  rules: readonly CelRule[],
  rulesType?: string,
  rulesJson?: string,
): void {
  let state: State | undefined;
  for (const [id, message, expression, rule, compiled, extension] of rules) {
    let result: unknown = celDefer;
    if (compiled) {
      try {
        result = compiled();
      } catch (e) {
        if (e !== celDefer) throw e;
      }
    }
    if (result === celDefer) {
      if (!state) {
        state = stateOf(file);
        state.bindings.this = self(state.registry);
        state.now = undefined;
        // Custom rules see neither `rules` nor `rule`, as in protovalidate-es.
        if (rulesType !== undefined) state.bindings.rules = state.rulesMessage(rulesType, rulesJson!);
        else delete state.bindings.rules;
      }
      if (extension !== undefined) state.bindings.rule = state.ruleValue(state.bindings.rules as Message$, extension);
      else delete state.bindings.rule;
      result = state.program(expression)(state.bindings);
    }
    if (typeof result === "boolean" || typeof result === "string") {
      if (result === true || result === "") continue;
      const text = message !== "" ? message : typeof result === "string" ? result : `"${expression}" returned false`;
      c.add(p, step, sub, rule, id, text, forKey);
    } else if (isCelError(result)) {
      throw new RuntimeError(result.message, { cause: result });
    } else {
      throw new RuntimeError(`expression ${id} outputs ${typeof result}, wanted either bool or string`);
    }
  }
}

/** `this` for a scalar or enum value (FieldDescriptorProto.Type number; enums as int32). */
export function celScalar(type: number, v: unknown): () => unknown {
  return () => celFromScalar(type, (typeof v === "string" && type !== 9 ? BigInt(v) : v) as never);
}

/** `this` for a message value. */
export function celMessage(m: Message<any>): (registry: FileRegistry) => unknown {
  return (registry) => reflected(registry, m);
}

/** `this` for a whole list or map field of `m` (the field's reflected value). */
export function celField(m: Message<any>, fieldNo: number): (registry: FileRegistry) => unknown {
  return (registry) => {
    const r = reflected(registry, m);
    return r.get(r.fields.find((f) => f.number === fieldNo)!);
  };
}

/**
 * `m` as a protobuf-es message (reflected). protobuf-es's `create` takes a tsgrpc message as its
 * init object: both use the same property names and value shapes (bigint, Uint8Array, enum
 * numbers, `{ case, value }` oneofs, records for maps, unboxed wrappers), so only 64-bit values
 * held as strings (`long_type=string`) need the binary encoding instead.
 */
function reflected(registry: FileRegistry, m: Message<any>) {
  const typeName = (m.constructor as unknown as { typeName: string }).typeName;
  const desc: DescMessage | undefined = registry.getMessage(typeName);
  if (!desc) throw new RuntimeError(`no descriptor for ${typeName}`);
  return reflect(desc, hasStringLongs(m) ? fromBinary(desc, m.toBinary()) : create(desc, m as never));
}

interface State {
  registry: FileRegistry;
  env: CelEnv;
  bindings: Record<string, unknown>;
  now: unknown;
  program(expression: string): (bindings: Record<string, unknown>) => unknown;
  /** A rules message (protobuf-es) from its JSON, decoded once. */
  rulesMessage(typeName: string, json: string): Message$;
  /** The value of extension `name` of a rules message as CEL reads it (as protovalidate-es hands it over). */
  ruleValue(rules: Message$, name: string): unknown;
}

const states = new WeakMap<FileInfo, State>();

function stateOf(file: FileInfo): State {
  const s = states.get(file);
  if (s) return s;
  const registry = embeddedRegistry([file]);
  const env = celEnv({ registry: registry, funcs: [...strings, ...functions] });
  const programs = new Map<string, (b: Record<string, unknown>) => unknown>();
  const rulesMessages = new Map<string, Message$>();
  const ruleValues = new WeakMap<Message$, Map<string, unknown>>();
  const state: State = {
    registry,
    env,
    now: undefined,
    bindings: {
      // protovalidate's `now`: read once per validation, on first use.
      get now() {
        return (state.now ??= timestampNow());
      },
    },
    program(expression) {
      let prog = programs.get(expression);
      if (!prog) {
        prog = plan(env, parse(expression)) as (b: Record<string, unknown>) => unknown;
        programs.set(expression, prog);
      }
      return prog;
    },
    rulesMessage(typeName, json) {
      const key = typeName + json;
      let m = rulesMessages.get(key);
      if (!m) {
        const desc = registry.getMessage(typeName);
        if (!desc) throw new RuntimeError(`no descriptor for ${typeName}`);
        m = fromJson(desc, JSON.parse(json) as JsonValue, { registry });
        rulesMessages.set(key, m);
      }
      return m;
    },
    ruleValue(rules, name) {
      let values = ruleValues.get(rules);
      if (!values) ruleValues.set(rules, (values = new Map<string, unknown>()));
      if (!values.has(name)) {
        const ext = registry.getExtension(name);
        if (!ext) throw new RuntimeError(`no descriptor for extension ${name}`);
        const v = getExtension(rules, ext);
        values.set(name, ext.fieldKind === "scalar" ? celFromScalar(ext.scalar, v as never) : v);
      }
      return values.get(name);
    },
  };
  states.set(file, state);
  return state;
}

/** protovalidate's CEL extension functions, over the same format checks as the standard rules. */
const functions: CelFunc[] = [
  celMethod("isNan", CelScalar.DOUBLE, [], CelScalar.BOOL, function (this: number) {
    return Number.isNaN(this);
  }),
  celMethod("isInf", CelScalar.DOUBLE, [], CelScalar.BOOL, function (this: number) {
    return this === Infinity || this === -Infinity;
  }),
  celMethod("isInf", CelScalar.DOUBLE, [CelScalar.INT], CelScalar.BOOL, function (this: number, sign: bigint) {
    return sign > 0n ? this === Infinity : sign < 0n ? this === -Infinity : this === Infinity || this === -Infinity;
  }),
  celMethod("isHostname", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isHostname(this);
  }),
  celMethod("isHostAndPort", CelScalar.STRING, [CelScalar.BOOL], CelScalar.BOOL, function (this: string, portRequired: boolean) {
    return isHostAndPort(this, portRequired);
  }),
  celMethod("isEmail", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isEmail(this);
  }),
  celMethod("isIp", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isIp(this);
  }),
  celMethod("isIp", CelScalar.STRING, [CelScalar.INT], CelScalar.BOOL, function (this: string, version: bigint) {
    return isIp(this, Number(version));
  }),
  celMethod("isIpPrefix", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isIpPrefix(this);
  }),
  celMethod("isIpPrefix", CelScalar.STRING, [CelScalar.INT], CelScalar.BOOL, function (this: string, version: bigint) {
    return isIpPrefix(this, Number(version));
  }),
  celMethod("isIpPrefix", CelScalar.STRING, [CelScalar.BOOL], CelScalar.BOOL, function (this: string, strict: boolean) {
    return isIpPrefix(this, undefined, strict);
  }),
  celMethod("isIpPrefix", CelScalar.STRING, [CelScalar.INT, CelScalar.BOOL], CelScalar.BOOL, function (this: string, version: bigint, strict: boolean) {
    return isIpPrefix(this, Number(version), strict);
  }),
  celMethod("isUri", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isUri(this);
  }),
  celMethod("isUriRef", CelScalar.STRING, [], CelScalar.BOOL, function (this: string) {
    return isUriRef(this);
  }),
  ...[CelScalar.UINT, CelScalar.INT, CelScalar.STRING, CelScalar.BOOL, CelScalar.DOUBLE, CelScalar.BYTES].map((elem) =>
    celMethod("unique", listType(elem), [], CelScalar.BOOL, function (this: { [Symbol.iterator](): Iterator<unknown> }) {
      return unique([...this].map((x) => (typeof x === "object" && x !== null && "value" in x && !(x instanceof Uint8Array) ? x.value : x)));
    }),
  ),
  // A field of a message by name, unset ones as their defaults (unset wrappers as null): validate.proto's rules read `const` and `in` so.
  celFunc("getField", [CelScalar.DYN, CelScalar.STRING], CelScalar.DYN, (msg: unknown, name: string) => {
    if (!isReflectMessage(msg)) throw new Error("getField can only be applied to messages");
    const f = msg.fields.find((x) => x.name === name);
    if (!f) throw new Error(`field ${name} not found on ${String(msg.desc)}`);
    switch (f.fieldKind) {
      case "enum":
        return BigInt(msg.get(f));
      case "scalar":
        return celFromScalar(f.scalar, msg.get(f));
      case "message":
        return msg.isSet(f) ? msg.get(f) : isWrapperDesc(f.message) ? null : create(f.message);
      default:
        return msg.get(f);
    }
  }),
  celMethod("contains", CelScalar.BYTES, [CelScalar.BYTES], CelScalar.BOOL, function (this: Uint8Array, x: Uint8Array) {
    return bytesContain(this, x);
  }),
  celMethod("contains", CelScalar.STRING, [CelScalar.STRING], CelScalar.BOOL, function (this: string, x: string) {
    return this.includes(x);
  }),
  celMethod("endsWith", CelScalar.BYTES, [CelScalar.BYTES], CelScalar.BOOL, function (this: Uint8Array, x: Uint8Array) {
    return bytesEndWith(this, x);
  }),
  celMethod("endsWith", CelScalar.STRING, [CelScalar.STRING], CelScalar.BOOL, function (this: string, x: string) {
    return this.endsWith(x);
  }),
  celMethod("startsWith", CelScalar.BYTES, [CelScalar.BYTES], CelScalar.BOOL, function (this: Uint8Array, x: Uint8Array) {
    return bytesStartWith(this, x);
  }),
  celMethod("startsWith", CelScalar.STRING, [CelScalar.STRING], CelScalar.BOOL, function (this: string, x: string) {
    return this.startsWith(x);
  }),
];

/** Whether a message holds 64-bit values as strings anywhere (from its field tables, cached per type). */
function hasStringLongs(m: Message<any>): boolean {
  const type = m.constructor as unknown as MessageType;
  let v = stringLongs.get(type);
  if (v === undefined) {
    stringLongs.set(type, false); // cycles: assume no until shown otherwise
    v = type.$fields.list.some((f) => {
      if (f.kind === "scalar") return f.L === LongType.STRING;
      if (f.kind === "map" && f.V.kind === "scalar") return f.V.L === LongType.STRING;
      const T = f.kind === "message" ? f.T : f.kind === "map" && f.V.kind === "message" ? f.V.T : undefined;
      return T !== undefined && hasStringLongs(new (T as unknown as new () => Message<any>)());
    });
    stringLongs.set(type, v);
  }
  return v;
}
const stringLongs = new WeakMap<MessageType, boolean>();
