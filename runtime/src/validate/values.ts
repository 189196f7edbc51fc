/** Measures and comparisons generated checks use on field values. */

/** Length in Unicode code points (what `string.min_len` counts). */
export function codepoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Length of the UTF-8 encoding (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function bytesIndexOf(hay: Uint8Array, needle: Uint8Array, from = 0, to = hay.length - needle.length): number {
  outer: for (let i = from; i <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export const bytesStartWith = (b: Uint8Array, p: Uint8Array): boolean => p.length <= b.length && bytesIndexOf(b, p, 0, 0) === 0;
export const bytesEndWith = (b: Uint8Array, s: Uint8Array): boolean => s.length <= b.length && bytesIndexOf(b, s, b.length - s.length) === b.length - s.length;
export const bytesContain = (b: Uint8Array, s: Uint8Array): boolean => bytesIndexOf(b, s) >= 0;
export const bytesIn = (list: readonly Uint8Array[], b: Uint8Array): boolean => list.some((x) => bytesEqual(x, b));

/**
 * Whether all items differ (`repeated.unique`): `===` semantics, so NaN differs from everything
 * and -0 equals 0; bytes by content.
 */
export function unique(items: readonly unknown[]): boolean {
  const n = items.length;
  if (n < 2) return true;
  if (items[0] instanceof Uint8Array) {
    const seen = new Set<string>();
    for (const b of items as Uint8Array[]) {
      let key = "";
      for (let i = 0; i < b.length; i++) key += String.fromCharCode(b[i]);
      seen.add(key);
    }
    return seen.size === n;
  }
  const seen = new Set<unknown>();
  let counted = 0;
  for (const v of items) {
    if (typeof v === "number" && v !== v) continue; // NaN: never a duplicate
    seen.add(v);
    if (seen.size !== ++counted) return false;
  }
  return true;
}

/** Strict UTF-8 decoding for `bytes.pattern`; undefined when the bytes are not UTF-8. */
export function utf8(b: Uint8Array): string | undefined {
  try {
    return decoder.decode(b);
  } catch {
    return undefined;
  }
}
const decoder = new TextDecoder("utf-8", { fatal: true });
