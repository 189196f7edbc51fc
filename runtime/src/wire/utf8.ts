/**
 * UTF-8 for the wire layer. Short strings go through plain loops, which beat
 * the per-call cost of TextEncoder/TextDecoder; long ones use those natives.
 */

import { BinaryDecodeError } from "../errors.js";

const encoder = new TextEncoder();
// ignoreBOM keeps a leading U+FEFF as content: it is data, not a byte-order mark.
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** At or below this many UTF-16 units / bytes, the manual loops are faster than the natives. */
const SHORT = 32;

/**
 * Writes `s` as UTF-8 into `buf` from `pos`, returning the end. The caller
 * guarantees room for 3 bytes per UTF-16 unit. Lone surrogates become U+FFFD,
 * as TextEncoder does.
 */
export function encodeUtf8(s: string, buf: Uint8Array, pos: number): number {
  const n = s.length;
  if (n > SHORT) return pos + encoder.encodeInto(s, buf.subarray(pos)).written;
  // A tight loop for the ASCII prefix (usually the whole string) keeps the common case small.
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    buf[pos + i] = c;
  }
  return i === n ? pos + n : encodeNonAscii(s, i, buf, pos + i);
}

function encodeNonAscii(s: string, i: number, buf: Uint8Array, pos: number): number {
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
 * Decodes `buf[start, end)`. Invalid UTF-8 throws a BinaryDecodeError with
 * `validate`, and becomes U+FFFD without.
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number, validate: boolean): string {
  const n = end - start;
  if (n <= SHORT) {
    // One fromCharCode over an array beats concatenating chars (measured: no cons-string to flatten later).
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const c = buf[start + i];
      if (c >= 0x80) return decodeNative(buf, start, end, validate);
      codes[i] = c;
    }
    return String.fromCharCode.apply(null, codes);
  }
  return decodeNative(buf, start, end, validate);
}

function decodeNative(buf: Uint8Array, start: number, end: number, validate: boolean): string {
  if (!validate) return lenientDecoder.decode(buf.subarray(start, end));
  try {
    return strictDecoder.decode(buf.subarray(start, end));
  } catch {
    throw new BinaryDecodeError("invalid UTF-8 in string field", start);
  }
}
