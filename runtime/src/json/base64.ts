import { JsonDecodeError } from "../errors.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Char code of each six-bit value. */
const CODES = /*@__PURE__*/ Array.from(ALPHABET, (c) => c.charCodeAt(0));

/** Six-bit value of each char code; -1 for characters outside both alphabets. */
const DECODE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[ALPHABET.charCodeAt(i)] = i;
  table["-".charCodeAt(0)] = 62;
  table["_".charCodeAt(0)] = 63;
  return table;
})();

interface NodeBuffer {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): { toString(encoding: "base64"): string };
  from(text: string, encoding: "base64"): Uint8Array;
}

/**
 * Node's Buffer when there is one, for long values: its native codec is
 * several times faster than the loops below. Looked up on globalThis, so
 * browsers (and bundlers) see no Node API.
 */
const nodeBuffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;

/** Byte length from which the native codec pays for its call; below it, it also shares Node's 8 KB pool. */
const NATIVE_FROM = 4096;

/** Standard base64 with padding, as proto3 JSON prints bytes. */
export function base64Encode(bytes: Uint8Array): string {
  if (nodeBuffer && bytes.length >= NATIVE_FROM) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("base64");
  let out = "";
  for (let from = 0; from < bytes.length; from += CHUNK) out += encodeChunk(bytes, from, Math.min(from + CHUNK, bytes.length));
  return out;
}

/** Bytes per encodeChunk: a multiple of 3 (padding only at the end), 8,192 characters, well inside any engine's argument limit. */
const CHUNK = 3 * 2048;

/** The base64 of bytes[from..end) made by one String.fromCharCode of its char codes: half the time of concatenating characters. */
function encodeChunk(bytes: Uint8Array, from: number, end: number): string {
  const codes = new Array<number>(Math.ceil((end - from) / 3) * 4);
  let o = 0;
  let i = from;
  for (; i + 2 < end; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    codes[o++] = CODES[n >> 18];
    codes[o++] = CODES[(n >> 12) & 63];
    codes[o++] = CODES[(n >> 6) & 63];
    codes[o++] = CODES[n & 63];
  }
  if (i < end) {
    const two = i + 1 < end;
    const n = (bytes[i] << 16) | (two ? bytes[i + 1] << 8 : 0);
    codes[o++] = CODES[n >> 18];
    codes[o++] = CODES[(n >> 12) & 63];
    codes[o++] = two ? CODES[(n >> 6) & 63] : 61; /* = */
    codes[o] = 61;
  }
  return String.fromCharCode.apply(null, codes);
}

/**
 * Decodes standard or URL-safe base64, padded or not, as the proto3 JSON
 * mapping accepts. Anything else (stray characters, a lone trailing
 * character, padding in the middle) is a JsonDecodeError.
 */
export function base64Decode(text: string, path?: string): Uint8Array {
  let end = text.length;
  if (end % 4 === 0 && end > 0 && text.charCodeAt(end - 1) === 61 /* = */) {
    end -= text.charCodeAt(end - 2) === 61 ? 2 : 1;
  }
  if (end % 4 === 1) throw new JsonDecodeError("invalid base64: truncated", path);
  // Past 4 KB decoded (5,462 characters, and some margin), Node allocates the result apart from its pool.
  if (nodeBuffer && end > 6000) {
    const b = nodeBuffer.from(end === text.length ? text : text.slice(0, end), "base64");
    // Node's decoder skips characters outside both alphabets (and stops at a "="): any such character leaves
    // fewer bytes than the length promises, which checks the text without a scan of its own. The loop below
    // then finds the character and names it.
    if (b.length === Math.floor((end * 3) / 4)) return new Uint8Array(b.buffer, b.byteOffset, b.length);
  }
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let nbits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? DECODE[c] : -1;
    if (v < 0) throw new JsonDecodeError(`invalid base64: unexpected character at ${i}`, path);
    bits = (bits << 6) | v;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      out[o++] = (bits >> nbits) & 0xff;
    }
  }
  return out;
}
