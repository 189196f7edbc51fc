import { encodeUtf8 } from "../wire/utf8.js";

/**
 * String literals of the text format: C escapes in, C escapes out. A literal
 * stands for bytes; a `string` field takes them as UTF-8 (checked by the
 * reader), a `bytes` field as they are.
 */

const SIMPLE: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "?": 63, "\\": 92, "'": 39, '"': 34 };

/** Thrown by unescape with the offset (into the literal's text) of the bad escape. */
export class EscapeError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function hexValue(s: string, from: number, count: number): number {
  const digits = s.slice(from, from + count);
  if (digits.length !== count || !/^[0-9a-fA-F]+$/.test(digits)) return -1;
  return parseInt(digits, 16);
}

/**
 * The bytes a quoted literal (quotes included, as the tokenizer found it)
 * stands for: octal `\123`, hex `\x7f`, `\u1234`, `\U0001F600` and the simple
 * escapes. `\u`/`\U` must name a Unicode scalar value (no surrogates, at most
 * U+10FFFF); a lone surrogate in the text itself cannot be UTF-8 either.
 */
export function unescape(lit: string): Uint8Array {
  const end = lit.length - 1;
  // Every source unit yields at most 3 bytes; escapes yield fewer bytes than their length.
  const out = new Uint8Array(end * 3);
  let n = 0;
  let run = 1;
  const flush = (to: number) => {
    if (to > run) {
      const part = lit.slice(run, to);
      if (!(part as unknown as { isWellFormed(): boolean }).isWellFormed()) throw new EscapeError("string literal holds an unpaired UTF-16 surrogate", run);
      n = encodeUtf8(part, out, n);
    }
  };
  for (let i = lit.indexOf("\\", 1); i !== -1 && i < end; i = lit.indexOf("\\", run)) {
    flush(i);
    const c = lit[i + 1];
    let len = 2;
    if (c in SIMPLE) {
      out[n++] = SIMPLE[c]!;
    } else if (c >= "0" && c <= "7") {
      let v = 0;
      len = 1;
      for (let d = lit.charCodeAt(i + 1); len <= 3 && d >= 48 && d <= 55; d = lit.charCodeAt(i + ++len)) v = v * 8 + (d - 48);
      if (v > 0xff) throw new EscapeError(`octal escape \\${lit.slice(i + 1, i + len)} is over \\377`, i);
      out[n++] = v;
    } else if (c === "x" || c === "X") {
      const two = hexValue(lit, i + 2, 2);
      const v = two >= 0 ? two : hexValue(lit, i + 2, 1);
      if (v < 0) throw new EscapeError("\\x must be followed by hex digits", i);
      len = two >= 0 ? 4 : 3;
      out[n++] = v;
    } else if (c === "u" || c === "U") {
      const count = c === "u" ? 4 : 8;
      const v = hexValue(lit, i + 2, count);
      if (v < 0) throw new EscapeError(`\\${c} must be followed by ${count} hex digits`, i);
      if (v > 0x10ffff) throw new EscapeError(`\\${c}${lit.slice(i + 2, i + 2 + count)} is beyond U+10FFFF`, i);
      if (v >= 0xd800 && v < 0xe000) throw new EscapeError(`\\${c}${lit.slice(i + 2, i + 2 + count)} is a surrogate, not a character`, i);
      n = encodeUtf8(String.fromCodePoint(v), out, n);
      len = 2 + count;
    } else {
      throw new EscapeError(`invalid escape \\${c}`, i);
    }
    run = i + len;
  }
  flush(end);
  return out.subarray(0, n);
}

/** The text between the quotes, when it holds no escape: a string field takes it as it is. */
export function plainBody(lit: string): string | undefined {
  return lit.indexOf("\\") === -1 ? lit.slice(1, -1) : undefined;
}

/** Named escapes for output; other control characters go out as three-digit octal. */
const NAMED: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r", 34: '\\"', 39: "\\'", 92: "\\\\" };

function escapeUnit(c: number): string {
  return NAMED[c] ?? "\\" + c.toString(8).padStart(3, "0");
}

/**
 * A string field's value as a double-quoted literal: quotes, backslashes and
 * ASCII control characters escaped, everything else (UTF-8 text) kept
 * readable. A lone surrogate, which UTF-8 cannot hold, becomes U+FFFD as it
 * does on the wire.
 */
export function quoteString(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f && c !== 34 && c !== 39 && c !== 92 && (c < 0xd800 || c >= 0xe000)) continue;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000) {
      i++;
      continue;
    }
    out += s.slice(run, i) + (c >= 0xd800 && c < 0xe000 ? "\ufffd" : escapeUnit(c));
    run = i + 1;
  }
  return out + s.slice(run) + '"';
}

/** Each byte as a bytes literal shows it: printable ASCII as it is, the rest escaped. */
const BYTE_TEXT = Array.from({ length: 256 }, (_, c) => (c >= 0x20 && c < 0x7f && c !== 34 && c !== 39 && c !== 92 ? String.fromCharCode(c) : escapeUnit(c)));

/** A bytes value as a double-quoted literal: printable ASCII as it is, every other byte escaped. */
export function quoteBytes(b: Uint8Array): string {
  let out = '"';
  for (let i = 0; i < b.length; i++) out += BYTE_TEXT[b[i]];
  return out + '"';
}
