import type { Tokenizer } from "./tokenizer.js";

/** Nesting budget shared with the reader, so skipped values cannot nest deeper than read ones. */
export interface Depth {
  readonly maxDepth: number;
  depth: number;
}

/**
 * Skips the value of a field whose name was just read (a reserved name, or
 * an unknown one under `ignoreUnknownFields`): `: scalar`, `: [list]`, or a
 * message with or without the colon. Strings are not decoded.
 */
export function skipField(t: Tokenizer, d: Depth): void {
  const colon = t.tryPunct(":");
  if (t.isPunct("{") || t.isPunct("<")) skipMessage(t, d);
  else if (t.isPunct("[")) skipList(t, d);
  else if (colon) skipScalar(t);
  else throw t.unexpected(t.peek(), '":" or "{"');
}

/** Enters one nesting level, or throws past the limit. */
export function enter(t: Tokenizer, d: Depth): void {
  if (++d.depth > d.maxDepth) throw t.error(`nesting deeper than maxDepth ${d.maxDepth}`);
}

function skipList(t: Tokenizer, d: Depth): void {
  t.expectPunct("[");
  if (t.tryPunct("]")) return;
  for (;;) {
    if (t.isPunct("{") || t.isPunct("<")) skipMessage(t, d);
    else skipScalar(t);
    if (t.tryPunct("]")) return;
    t.expectPunct(",");
  }
}

function skipScalar(t: Tokenizer): void {
  const negative = t.tryPunct("-");
  const tok = t.next();
  if (tok.kind === "string" && !negative) {
    while (t.peek().kind === "string") t.next();
  } else if (tok.kind !== "int" && tok.kind !== "float" && tok.kind !== "ident") {
    throw t.unexpected(tok, "a value");
  }
}

function skipMessage(t: Tokenizer, d: Depth): void {
  const close = t.next().text === "{" ? "}" : ">";
  enter(t, d);
  while (!t.tryPunct(close)) {
    const tok = t.next();
    if (tok.kind === "punct" && tok.text === "[") t.bracketed();
    else if (tok.kind !== "ident" && tok.kind !== "int") throw t.unexpected(tok, `a field name or "${close}"`);
    skipField(t, d);
    if (!t.tryPunct(";")) t.tryPunct(",");
  }
  d.depth--;
}
