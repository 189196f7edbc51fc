/**
 * UTF-8 for the wire layer. Short strings go through plain loops, which beat
 * the per-call cost of native code; long ones use Node's Buffer methods where
 * there are some, else TextEncoder/TextDecoder.
 */

import { BinaryDecodeError } from "../errors.js";

// Created on first use, not at import: importing the runtime then runs no platform API, and bundlers
// see no top-level call they must keep.
let encoder: TextEncoder | undefined;
let strictDecoder: TextDecoder | undefined;
let lenientDecoder: TextDecoder | undefined;

/** At or below this many UTF-16 units, the encode loop beats TextEncoder.encodeInto. */
export const SHORT_ENCODE = 32;

type Utf8Write = (this: Uint8Array, s: string, offset: number) => number;
type Utf8Slice = (this: Uint8Array, start: number, end: number) => string;
/** Looked up on globalThis, so browsers and bundlers see no Node API. */
const nodeBuffer = (globalThis as { Buffer?: { prototype: { utf8Write?: Utf8Write; utf8Slice?: Utf8Slice } } }).Buffer?.prototype;
/**
 * Node's native UTF-8 writer (`Buffer#utf8Write`, which takes any Uint8Array
 * as `this`), when there is one: it writes at an offset, so a long string
 * costs no subarray and no result object as `encodeInto` does (about 50 ns
 * less per string). It too writes a lone surrogate as U+FFFD.
 */
const nodeUtf8Write = nodeBuffer?.utf8Write;
/**
 * Node's native UTF-8 reader (`Buffer#utf8Slice`), likewise: a range of any
 * Uint8Array with no subarray, about half the time of TextDecoder's decode
 * for a 100-byte text. It replaces invalid UTF-8 with U+FFFD as TextDecoder
 * does without `fatal`.
 */
const nodeUtf8Slice = nodeBuffer?.utf8Slice;

/**
 * Writes `s` as UTF-8 into `buf` from `pos`, returning the end. The caller
 * guarantees room for 3 bytes per UTF-16 unit. Lone surrogates become U+FFFD,
 * as TextEncoder does.
 */
export function encodeUtf8(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  if (n > SHORT_ENCODE) return pos + (nodeUtf8Write?.call(buf, s, pos) ?? (encoder ??= new TextEncoder()).encodeInto(s, buf.subarray(pos)).written);
  const i = writeAscii(s, buf, pos);
  return i === n ? pos + n : encodeNonAscii(s, i, buf, pos + i);
}

/**
 * Writes the ASCII prefix of `s` (usually the whole string) from `pos` and
 * returns its length: a tight loop that keeps the common case small.
 */
export function writeAscii(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    buf[pos + i] = c;
  }
  return i;
}

/** Writes `s` from its unit `i` on as UTF-8 from `pos` (room as for encodeUtf8); returns the end. */
export function encodeNonAscii(s: string, i: number, buf: Uint8Array, pos: number): number {
  const n = s.length;
  for (; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      buf[pos++] = c;
    } else if (c < 0x800) {
      buf[pos++] = 0xc0 | (c >> 6);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c >= 0xe000) {
      buf[pos++] = 0xe0 | (c >> 12);
      buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
      buf[pos++] = 0x80 | (c & 0x3f);
    } else {
      const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
        i++;
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        buf[pos++] = 0xf0 | (c >> 18);
        buf[pos++] = 0x80 | ((c >> 12) & 0x3f);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else {
        buf[pos++] = 0xef;
        buf[pos++] = 0xbf;
        buf[pos++] = 0xbd;
      }
    }
  }
  return pos;
}

/**
 * Below this many bytes, the ASCII loop of decodeUtf8 beats the native
 * reader (node 20): from about 32 bytes on with `utf8Slice` (40 bytes: 92
 * against 114 ns, 63 bytes: 104 against 210 ns, and one flat string instead
 * of eight pieces and the ropes joining them), from 64 with TextDecoder.
 */
const SHORT_DECODE = nodeUtf8Slice ? 40 : 64;

/**
 * Decodes `buf[start, end)`. Invalid UTF-8 throws a BinaryDecodeError with
 * `validate`, and becomes U+FFFD without.
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number, validate: boolean): string {
  if (end - start >= SHORT_DECODE) return decodeNative(buf, start, end, validate);
  // ASCII eight bytes per fromCharCode call: fewer calls than one per byte, no array as apply() needs.
  let s = "";
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const c0 = buf[i],
      c1 = buf[i + 1],
      c2 = buf[i + 2],
      c3 = buf[i + 3];
    const c4 = buf[i + 4],
      c5 = buf[i + 5],
      c6 = buf[i + 6],
      c7 = buf[i + 7];
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) >= 0x80) return decodeNative(buf, start, end, validate);
    s += String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7);
  }
  if (i === end) return s;
  let bits = 0;
  for (let j = i; j < end; j++) bits |= buf[j];
  if (bits >= 0x80) return decodeNative(buf, start, end, validate);
  return s + asciiTail(buf, i, end - i);
}

/**
 * The last 1 to 7 ASCII bytes in one fromCharCode call: a call and a
 * concatenation per byte made short strings (ids, names, tags) about 20%
 * slower to decode.
 */
function asciiTail(b: Uint8Array, i: number, n: number): string {
  const f = String.fromCharCode;
  switch (n) {
    case 1:
      return f(b[i]);
    case 2:
      return f(b[i], b[i + 1]);
    case 3:
      return f(b[i], b[i + 1], b[i + 2]);
    case 4:
      return f(b[i], b[i + 1], b[i + 2], b[i + 3]);
    case 5:
      return f(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4]);
    case 6:
      return f(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5]);
    default:
      return f(b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6]);
  }
}

function decodeNative(buf: Uint8Array, start: number, end: number, validate: boolean): string {
  const s = nodeUtf8Slice?.call(buf, start, end);
  // Invalid input always yields a U+FFFD; only a text holding one needs the strict decoder's verdict.
  if (s !== undefined && (!validate || s.indexOf("\uFFFD") < 0)) return s;
  // ignoreBOM keeps a leading U+FEFF as content: it is data, not a byte-order mark.
  if (!validate) return (lenientDecoder ??= new TextDecoder("utf-8", { ignoreBOM: true })).decode(buf.subarray(start, end));
  try {
    return (strictDecoder ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true })).decode(buf.subarray(start, end));
  } catch {
    throw new BinaryDecodeError("invalid UTF-8 in string field", start);
  }
}
