import { JsonDecodeError } from "../errors.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + "==";
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + "=";
  }
  return out;
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
