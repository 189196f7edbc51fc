/**
 * String map keys that repeat from message to message (labels, headers,
 * attributes) decoded once. V8 internalizes every string used as a property
 * key: a fresh string costs a string-table lookup and a conversion each time
 * (measured on node 20: about 95 ns per store into a map object, against
 * about 30 ns with a key it has seen). A small direct-mapped cache of recent
 * ASCII keys, checked byte for byte, hands back the string V8 already knows.
 * A key enters the cache the second time its hash is seen in a slot, so
 * maps keyed by unique ids never fill it, and a long run of misses turns the
 * cache off for a while, so they hardly pay for the hashing either
 * (`npm run bench -- --only keys` measures both workloads).
 */
import { decodeUtf8 } from "./utf8.js";

const SLOTS = 1024;
/** Longer keys are rarely repeated vocabulary, and cost more to hash and compare. */
const MAX_KEY = 32;

/** After this many misses in a row the keys look unique (ids): the cache is skipped for the next SKIP keys, then tried again. */
const MISS_STREAK = 64;
const SKIP = 1024;

let misses = 0;
let skipping = 0;
/** The key the cache last answered with: a map entry with this key holds repeated vocabulary, not an id. */
let lastHit = "";

const keys: string[] = new Array<string>(SLOTS).fill("");
/** The hash last seen in each slot: a key is kept only when seen twice, so unique keys (ids) never reach `keys`. */
const seen = new Int32Array(SLOTS);

/** Decodes the map key in `buf[start, end)` (UTF-8, validated as `decodeUtf8` does). */
export function decodeMapKey(buf: Uint8Array, start: number, end: number, validate: boolean): string {
  const n = end - start;
  if (n > MAX_KEY || n === 0) return decodeUtf8(buf, start, end, validate);
  if (skipping > 0) {
    skipping--;
    return decodeUtf8(buf, start, end, validate);
  }
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  const slot = h & (SLOTS - 1);
  const known = keys[slot];
  if (known.length === n && sameAscii(known, buf, start)) {
    misses = 0;
    lastHit = known;
    return known;
  }
  if (++misses === MISS_STREAK) {
    misses = 0;
    skipping = SKIP;
  }
  const key = decodeUtf8(buf, start, end, validate);
  // sameAscii matches only ASCII keys, the ones with as many UTF-16 units as bytes.
  if (seen[slot] === h && key.length === n) keys[slot] = key;
  else seen[slot] = h;
  return key;
}

/** Whether `key` is the key the cache last answered with (a key seen in recent messages). */
export function isRecentKey(key: string): boolean {
  return key === lastHit;
}

/** Whether `s` is exactly the bytes from `start` (`s.length` of them), read as ASCII. */
function sameAscii(s: string, buf: Uint8Array, start: number): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== buf[start + i]) return false;
  }
  return true;
}
