import { TextDecodeError } from "../errors.js";
import type { EnumType, FieldInfo, ValueInfo } from "../fields.js";
import type { AnyMessage, MessageType } from "../message.js";
import type { TextReadOptions } from "../options.js";
import type { ExtensionInfo, Registry } from "../registry.js";
import { LongType, ScalarType } from "../scalar.js";
import { unknownFields } from "../unknown-fields.js";
import { decodeUtf8 } from "../wire/utf8.js";
import { setKey } from "../json/context.js";
import { enumLookup } from "../json/enum.js";
import { encodeExtension, type ExtensionField } from "../json/extension-wire.js";
import { wktField } from "../wkt/field.js";
import { typeNameOfUrl } from "../wkt/type-url.js";
import { EscapeError, plainBody, unescape } from "./escapes.js";
import { fieldByTextName } from "./names.js";
import { floatValue, integerValue, namedFloat } from "./numbers.js";
import { enter, skipField } from "./skip.js";
import { Tokenizer, type Token } from "./tokenizer.js";

const ANY = "google.protobuf.Any";

interface ReadContext {
  readonly t: Tokenizer;
  readonly registry: Registry | undefined;
  readonly ignoreUnknown: boolean;
  readonly maxDepth: number;
  depth: number;
}

/** A field that is not a map; `wrapper` marks an unboxed wrapper field, which text shows as its message. */
type ValueField = Exclude<FieldInfo, { kind: "map" }>;

/**
 * Parses text format into `msg`: singular fields given are replaced (messages
 * merged), repeated fields appended to, map entries added. Within the text,
 * a singular field, a oneof or an extension may be given once.
 */
export function mergeText(msg: AnyMessage, text: string, options?: TextReadOptions): void {
  if (typeof text !== "string") throw new TextDecodeError(`expected text format as a string, got ${typeof text}`);
  const maxDepth = options?.maxDepth ?? 100;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) throw new TextDecodeError(`maxDepth must be a non-negative integer, got ${String(maxDepth)}`);
  const ctx: ReadContext = {
    t: new Tokenizer(text),
    registry: options?.registry,
    ignoreUnknown: options?.ignoreUnknownFields ?? false,
    maxDepth,
    depth: 0,
  };
  try {
    readBody(msg, ctx, undefined);
  } catch (e) {
    // A maxDepth set beyond what the call stack holds: still a typed error, located.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw ctx.t.error(`nesting too deep for the call stack (maxDepth ${maxDepth})`);
    throw e;
  }
}

/** Fields up to `close` ("}" or ">"), or to the end of the text for the top-level message. */
function readBody(msg: AnyMessage, ctx: ReadContext, close: string | undefined): void {
  const t = ctx.t;
  enter(t, ctx);
  const type = msg.$type();
  const seen = new Set<string>();
  for (;;) {
    const tok = t.peek();
    if (tok.kind === "eof") {
      if (close !== undefined) throw t.error(`message not closed: expected "${close}" before the end of the text`, tok.start);
      break;
    }
    if (close !== undefined && t.tryPunct(close)) break;
    readField(msg, type, ctx, seen);
    if (!t.tryPunct(";")) t.tryPunct(",");
  }
  ctx.depth--;
}

function readField(msg: AnyMessage, type: MessageType, ctx: ReadContext, seen: Set<string>): void {
  const t = ctx.t;
  const tok = t.next();
  if (tok.kind === "ident") {
    const f = fieldByTextName(type, tok.text);
    if (f) return readFieldValue(msg, f, ctx, seen, tok);
    if (type.$fields.reservedNames.includes(tok.text) || ctx.ignoreUnknown) return skipField(t, ctx);
    throw t.error(`unknown field ${short(tok.text)} in ${type.typeName}`, tok.start);
  }
  if (tok.kind === "punct" && tok.text === "[") {
    const name = t.bracketed();
    if (name.includes("/")) {
      if (type.typeName === ANY) return readExpandedAny(msg, type, name, ctx, seen, tok);
    } else {
      const ext = ctx.registry?.getExtension(name);
      if (ext?.extendee.typeName === type.typeName) return readExtension(msg, ext, ctx, seen, tok);
    }
    if (ctx.ignoreUnknown) return skipField(t, ctx);
    const what = name.includes("/") ? `Any type URL [${short(name)}] outside google.protobuf.Any` : `unknown extension [${short(name)}] of ${type.typeName}`;
    throw t.error(ctx.registry || name.includes("/") ? what : `${what} (no registry given: text options \`registry\`)`, tok.start);
  }
  if (tok.kind === "int") throw t.error(`field numbers are not accepted (${short(tok.text)}): name the field`, tok.start);
  throw t.unexpected(tok, "a field name");
}

/** Text shows an unboxed wrapper field as the wrapper message, `w { value: 1 }`. */
function messageShaped(f: FieldInfo): boolean {
  return f.kind === "message" || f.kind === "map" || f.wrapper !== undefined;
}

/** The ":" after a field name: required before scalars and enums, optional before messages. */
function colon(f: FieldInfo, t: Tokenizer): void {
  if (!t.tryPunct(":") && !messageShaped(f)) throw t.unexpected(t.peek(), `":" after ${f.name}`);
}

/** Marks a singular field (or oneof, or extension) as given; a second time is an error. */
function once(seen: Set<string>, key: string, t: Tokenizer, at: Token, what: string): void {
  if (seen.has(key)) throw t.error(what, at.start);
  seen.add(key);
}

function readFieldValue(msg: AnyMessage, f: FieldInfo, ctx: ReadContext, seen: Set<string>, name: Token): void {
  const t = ctx.t;
  colon(f, t);
  if (f.kind === "map") {
    const map = msg[f.localName] as Record<string, unknown>;
    return readRepeated(ctx, () => readMapEntry(map, f, ctx));
  }
  if (f.repeated) {
    const list = msg[f.localName] as unknown[];
    return readRepeated(ctx, () => void list.push(readValue(f, ctx, undefined)));
  }
  once(seen, `${f.no}`, t, name, `field ${f.name} given twice`);
  if (f.oneof) {
    once(seen, `oneof ${f.oneof}`, t, name, `${f.name} given beside another member of oneof ${f.oneof}`);
    const current = msg[f.oneof] as { case: string | undefined; value?: unknown };
    const value = readValue(f, ctx, current.case === f.localName ? current.value : undefined);
    msg[f.oneof] = { case: f.localName, value };
  } else {
    msg[f.localName] = readValue(f, ctx, msg[f.localName]);
  }
}

/** One value, or a `[a, b, ...]` list of them (possibly empty). */
function readRepeated(ctx: ReadContext, element: () => void): void {
  const t = ctx.t;
  if (!t.tryPunct("[")) return element();
  if (t.tryPunct("]")) return;
  for (;;) {
    element();
    if (t.tryPunct("]")) return;
    if (!t.tryPunct(",")) throw t.unexpected(t.peek(), '"," or "]"');
  }
}

/** A value for a field or map value slot; `current` is a message already there, which is merged into. */
function readValue(v: ValueInfo & { wrapper?: MessageType }, ctx: ReadContext, current: unknown): unknown {
  if (v.wrapper) return readWrapped(v as ValueField & { kind: "scalar"; wrapper: MessageType }, ctx);
  switch (v.kind) {
    case "scalar":
      return readScalar(v.T, v.L, ctx);
    case "enum":
      return readEnum(v.T, ctx);
    case "message":
      return readMessage(v.T, ctx, current as AnyMessage | undefined);
  }
}

/** `{ ... }` or `< ... >` into a new message of `type`, or into `into`. */
function readMessage(type: MessageType, ctx: ReadContext, into: AnyMessage | undefined): AnyMessage {
  const t = ctx.t;
  const open = t.next();
  if (open.kind !== "punct" || (open.text !== "{" && open.text !== "<")) throw t.unexpected(open, '"{" or "<"');
  const msg = into ?? new type();
  readBody(msg, ctx, open.text === "{" ? "}" : ">");
  return msg;
}

/** An unboxed wrapper field: the wrapper message as text, its `value` as the field's. */
function readWrapped(f: ValueField & { kind: "scalar"; wrapper: MessageType }, ctx: ReadContext): unknown {
  const w = readMessage(f.wrapper, ctx, undefined);
  const v: unknown = w[wktField(f.wrapper, 1, "scalar").localName];
  return f.L === LongType.STRING && typeof v === "bigint" ? v.toString() : v;
}

const TRUE = new Set(["true", "True", "t", "1"]);
const FALSE = new Set(["false", "False", "f", "0"]);

function readScalar(T: ScalarType, L: LongType | undefined, ctx: ReadContext): unknown {
  const t = ctx.t;
  switch (T) {
    case ScalarType.STRING:
      return readString(ctx, true);
    case ScalarType.BYTES:
      return readString(ctx, false);
    case ScalarType.BOOL: {
      const tok = t.next();
      if ((tok.kind === "ident" || (tok.kind === "int" && tok.radix === 10)) && (TRUE.has(tok.text) || FALSE.has(tok.text))) return TRUE.has(tok.text);
      throw t.unexpected(tok, "true or false");
    }
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE: {
      const negative = t.tryPunct("-");
      const tok = t.next();
      let v: number | undefined;
      if (tok.kind === "float" || (tok.kind === "int" && tok.radix === 10)) v = floatValue(tok.text, negative);
      else if (tok.kind === "ident") v = namedFloat(tok.text);
      if (v === undefined) throw t.unexpected(tok, tok.kind === "int" ? "a decimal number (hex and octal are integers only)" : "a number, inf or nan");
      if (negative && tok.kind === "ident") v = -v;
      return T === ScalarType.FLOAT ? Math.fround(v) : v;
    }
    default: {
      const negative = t.tryPunct("-");
      const tok = t.next();
      if (tok.kind !== "int") throw t.unexpected(tok, "an integer");
      const v = integerValue(tok.text, tok.radix!, negative, T, L);
      if (v === undefined) throw t.error(`${negative ? "-" : ""}${short(tok.text)} is out of range for ${ScalarType[T].toLowerCase()}`, tok.start);
      return v;
    }
  }
}

function short(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + "…" : s;
}

/** Adjacent string literals concatenated: a string (UTF-8 checked) or bytes. */
function readString(ctx: ReadContext, utf8: boolean): string | Uint8Array {
  const t = ctx.t;
  const first = t.next();
  if (first.kind !== "string") throw t.unexpected(first, utf8 ? "a string" : "a string of bytes");
  const parts = [first];
  while (t.peek().kind === "string") parts.push(t.next());
  if (utf8 && parts.every((p) => plainBody(p.text) !== undefined)) {
    const s = parts.length === 1 ? plainBody(first.text)! : parts.map((p) => plainBody(p.text)).join("");
    if (!(s as unknown as { isWellFormed(): boolean }).isWellFormed()) throw t.error("string holds an unpaired UTF-16 surrogate", first.start);
    return s;
  }
  const chunks = parts.map((p) => {
    try {
      return unescape(p.text);
    } catch (e) {
      if (e instanceof EscapeError) throw t.error(e.message, p.start + e.at);
      throw e;
    }
  });
  const bytes = chunks.length === 1 ? chunks[0].slice() : concat(chunks);
  if (!utf8) return bytes;
  try {
    return decodeUtf8(bytes, 0, bytes.length, true);
  } catch {
    throw t.error("string field holds invalid UTF-8 (binary data belongs in a bytes field)", first.start);
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let n = 0;
  for (const c of chunks) {
    out.set(c, n);
    n += c.length;
  }
  return out;
}

function readEnum(T: EnumType, ctx: ReadContext): number {
  const t = ctx.t;
  const negative = t.tryPunct("-");
  const tok = t.next();
  if (tok.kind === "ident" && !negative) {
    const no = enumLookup(T).byName.get(tok.text);
    if (no === undefined) throw t.error(`unknown value ${short(tok.text)} for enum ${T.typeName}`, tok.start);
    return no;
  }
  if (tok.kind !== "int") throw t.unexpected(tok, `a value of enum ${T.typeName}`);
  const no = integerValue(tok.text, tok.radix!, negative, ScalarType.INT32, undefined) as number | undefined;
  if (no === undefined) throw t.error(`${negative ? "-" : ""}${short(tok.text)} is out of range for enum ${T.typeName}`, tok.start);
  if (!T.open && !enumLookup(T).byNo.has(no)) throw t.error(`${no} is not a value of closed enum ${T.typeName}`, tok.start);
  return no;
}

/** `{ key: k value: v }` (either may be left out: its zero value). */
function readMapEntry(map: Record<string, unknown>, f: Extract<FieldInfo, { kind: "map" }>, ctx: ReadContext): void {
  const t = ctx.t;
  const open = t.next();
  if (open.kind !== "punct" || (open.text !== "{" && open.text !== "<")) throw t.unexpected(open, '"{" or "<"');
  const close = open.text === "{" ? "}" : ">";
  enter(t, ctx);
  let key: string | undefined;
  let value: unknown;
  while (!t.tryPunct(close)) {
    const tok = t.next();
    if (tok.kind === "ident" && tok.text === "key") {
      if (key !== undefined) throw t.error("map entry key given twice", tok.start);
      t.expectPunct(":");
      const k = readScalar(f.K, undefined, ctx);
      key = typeof k === "string" ? k : String(k);
    } else if (tok.kind === "ident" && tok.text === "value") {
      if (value !== undefined) throw t.error("map entry value given twice", tok.start);
      if (!t.tryPunct(":") && f.V.kind !== "message") throw t.unexpected(t.peek(), '":" after value');
      value = readValue(f.V, ctx, undefined);
    } else {
      throw t.unexpected(tok, tok.kind === "eof" ? `"${close}"` : '"key" or "value"');
    }
    if (!t.tryPunct(";")) t.tryPunct(",");
  }
  ctx.depth--;
  setKey(map, key ?? (f.K === ScalarType.STRING ? "" : f.K === ScalarType.BOOL ? "false" : "0"), value ?? zero(f.V));
}

function zero(v: ValueInfo): unknown {
  if (v.kind === "message") return new v.T();
  if (v.kind === "enum") return 0;
  switch (v.T) {
    case ScalarType.STRING:
      return "";
    case ScalarType.BYTES:
      return new Uint8Array(0);
    case ScalarType.BOOL:
      return false;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return v.L === LongType.STRING ? "0" : 0n;
    default:
      return 0;
  }
}

/** `[pkg.ext]: value`: kept in the message's unknown fields, where extension values live. */
function readExtension(msg: AnyMessage, ext: ExtensionInfo, ctx: ReadContext, seen: Set<string>, at: Token): void {
  const f = ext.field as ExtensionField;
  colon(f, ctx.t);
  const values: unknown[] = [];
  if (f.repeated) {
    readRepeated(ctx, () => void values.push(readValue(f, ctx, undefined)));
  } else {
    once(seen, `[${ext.typeName}]`, ctx.t, at, `extension [${ext.typeName}] given twice`);
    values.push(readValue(f, ctx, undefined));
  }
  const kept = (msg[unknownFields] ??= []);
  for (const chunk of encodeExtension(f, values)) kept.push(chunk);
}

/** `[type.googleapis.com/pkg.Msg] { ... }` inside a google.protobuf.Any: the message, packed. */
function readExpandedAny(msg: AnyMessage, type: MessageType, url: string, ctx: ReadContext, seen: Set<string>, at: Token): void {
  const t = ctx.t;
  if (seen.has("1") || seen.has("2"))
    throw t.error("google.protobuf.Any holds one message: the expanded form cannot follow another one, type_url or value", at.start);
  seen.add("1");
  seen.add("2");
  const packed = ctx.registry?.getMessage(typeNameOfUrl(url));
  if (!packed) {
    if (ctx.ignoreUnknown) return skipField(t, ctx);
    throw t.error(`google.protobuf.Any type ${short(url)} is not in the registry (text options: registry)`, at.start);
  }
  t.tryPunct(":");
  const inner = readMessage(packed, ctx, undefined);
  msg[wktField(type, 1, "scalar").localName] = url;
  msg[wktField(type, 2, "scalar").localName] = inner.toBinary();
}
