import { TextDecodeError } from "../errors.js";

/** Token kinds of the text format (protobuf.dev, "Text Format Language Specification", Lexical elements). */
export type Kind =
  | "eof"
  | "ident"
  /** Decimal, hex (`0x1F`) or octal (`017`) integer literal. */
  | "int"
  /** A literal with a fraction, an exponent, an `f` suffix, or a leading dot. */
  | "float"
  /** A quoted string literal, quotes included; its body is decoded by escapes.ts. */
  | "string"
  /** One of `{ } < > [ ] : , ; / . -`. */
  | "punct";

export interface Token {
  readonly kind: Kind;
  /** The token's source text. */
  readonly text: string;
  /** Offset of its first character in the input. */
  readonly start: number;
  /** For INT: 10, 16 or 8. */
  readonly radix?: number;
}

const PUNCT = "{}<>[]:,;/.-";

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Splits text format input into tokens, one token of lookahead. Whitespace and
 * `#` comments separate tokens. Every error is a TextDecodeError carrying the
 * line and column of the offending character. Scanning is linear in the
 * input, whatever its shape (a 5 MB identifier or string is one pass).
 */
export class Tokenizer {
  private pos = 0;
  private peeked: Token | undefined;

  constructor(readonly text: string) {}

  peek(): Token {
    return (this.peeked ??= this.scan());
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  /** True (and consumed) when the next token is the punctuation `p`. */
  tryPunct(p: string): boolean {
    const t = this.peek();
    if (t.kind !== "punct" || t.text !== p) return false;
    this.peeked = undefined;
    return true;
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.text === p;
  }

  expectPunct(p: string): void {
    if (!this.tryPunct(p)) throw this.unexpected(this.peek(), `"${p}"`);
  }

  /** An identifier's text, or an error naming `what` was expected. */
  ident(what: string): string {
    const t = this.next();
    if (t.kind !== "ident") throw this.unexpected(t, what);
    return t.text;
  }

  /**
   * The name inside `[...]` after its `[`: an extension (`pkg.ext`) or an Any
   * type URL (`type.googleapis.com/pkg.Msg`); the closing `]` is consumed.
   */
  bracketed(): string {
    let name = this.ident("an extension name or type URL");
    for (;;) {
      if (this.tryPunct(".")) name += "." + this.ident('a name after "."');
      else if (this.tryPunct("/")) name += "/" + this.ident('a name after "/"');
      else break;
    }
    this.expectPunct("]");
    return name;
  }

  /** An error located at `offset` (default: the next token). */
  error(message: string, offset = this.peek().start): TextDecodeError {
    let line = 1;
    let lineStart = 0;
    for (let i = this.text.indexOf("\n"); i !== -1 && i < offset; i = this.text.indexOf("\n", i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return new TextDecodeError(message, line, offset - lineStart + 1);
  }

  /** "expected <what>, got <token>" at the token. */
  unexpected(t: Token, what: string): TextDecodeError {
    return this.error(`expected ${what}, got ${describe(t)}`, t.start);
  }

  private scan(): Token {
    const s = this.text;
    let i = this.pos;
    for (;;) {
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 35 /* # */) break;
      const eol = s.indexOf("\n", i);
      i = eol === -1 ? s.length : eol + 1;
    }
    const start = i;
    if (i >= s.length) {
      this.pos = i;
      return { kind: "eof", text: "", start };
    }
    const c = s.charCodeAt(i);
    let kind: Kind;
    let radix: number | undefined;
    if (isLetter(c)) {
      i++;
      while (i < s.length && (isLetter(s.charCodeAt(i)) || isDigit(s.charCodeAt(i)))) i++;
      kind = "ident";
    } else if (isDigit(c) || (c === 46 /* . */ && isDigit(s.charCodeAt(i + 1)))) {
      [i, kind, radix] = this.number(start);
    } else if (c === 34 || c === 39) {
      i = this.stringEnd(start, c);
      kind = "string";
    } else if (PUNCT.includes(s[i])) {
      i++;
      kind = "punct";
    } else {
      throw this.error(`unexpected character ${JSON.stringify(String.fromCodePoint(s.codePointAt(i)!))}`, i);
    }
    this.pos = i;
    return { kind, text: s.slice(start, i), start, radix };
  }

  /** Scans a number literal from `start`: its end, kind and radix. */
  private number(start: number): [number, Kind, number | undefined] {
    const s = this.text;
    let i = start;
    let float = false;
    let radix = 10;
    const digits = (test: (c: number) => boolean) => {
      const from = i;
      while (i < s.length && test(s.charCodeAt(i))) i++;
      return i - from;
    };
    if (s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X")) {
      i += 2;
      radix = 16;
      if (digits(isHexDigit) === 0) throw this.error('"0x" must be followed by hex digits', i);
    } else if (s[i] === "0" && isDigit(s.charCodeAt(i + 1))) {
      radix = 8;
      digits((c) => c >= 48 && c <= 55);
      if (isDigit(s.charCodeAt(i))) throw this.error("numbers starting with 0 are octal: digits 8 and 9 are not allowed", i);
    } else {
      digits(isDigit);
      if (s[i] === ".") {
        float = true;
        i++;
        digits(isDigit);
      }
      if (s[i] === "e" || s[i] === "E") {
        float = true;
        i++;
        if (s[i] === "+" || s[i] === "-") i++;
        if (digits(isDigit) === 0) throw this.error("exponent has no digits", i);
      }
      if (s[i] === "f" || s[i] === "F") {
        float = true;
        i++;
      }
    }
    if (i < s.length && (isLetter(s.charCodeAt(i)) || isDigit(s.charCodeAt(i)))) {
      throw this.error("a number must be followed by a space or punctuation, not a letter", i);
    }
    return [i, float ? "float" : "int", float ? undefined : radix];
  }

  /** The end of the string literal opened at `start` by `quote`: no line break inside, escapes skipped. */
  private stringEnd(start: number, quote: number): number {
    const s = this.text;
    for (let i = start + 1; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === quote) return i + 1;
      if (c === 10) throw this.error("string literal not terminated before the end of the line", start);
      if (c === 92 /* \ */) i++;
    }
    throw this.error("string literal not terminated before the end of the text", start);
  }
}

/** A token as error messages show it: kind and at most 40 characters of its text. */
export function describe(t: Token): string {
  if (t.kind === "eof") return "the end of the text";
  const text = t.text.length > 40 ? t.text.slice(0, 40) + "…" : t.text;
  switch (t.kind) {
    case "ident":
      return `identifier ${text}`;
    case "string":
      return `string ${text}`;
    case "punct":
      return `"${text}"`;
    default:
      return `number ${text}`;
  }
}
