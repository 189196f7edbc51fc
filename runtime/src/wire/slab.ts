/**
 * Copies of byte ranges that cost no ArrayBuffer of their own when small.
 *
 * Every new ArrayBuffer above V8's on-heap limit costs about 0.8 µs on
 * node 20 (an off-heap backing store, its accounting and its sweeping),
 * several times the cost of encoding a 200-byte message. Copies between that
 * limit and half a slab are therefore carved out of a shared 8 KB slab, as
 * Node's `Buffer.allocUnsafe` does: the results are plain Uint8Arrays whose
 * `buffer` is shared (use `byteOffset` and `byteLength` with it, and copy
 * before transferring it to a worker).
 */

/** V8 keeps typed arrays up to this many bytes on its heap, where `slice` is cheapest. */
const ON_HEAP_MAX = 64;
const SLAB_SIZE = 8192;
/** Bigger copies take their own buffer: the fixed cost is small next to the copy, and a big one would pin little else. */
const CARVE_MAX = SLAB_SIZE >>> 1;

// Uint8Array's own slice: a Buffer's `slice` is a view, not a copy.
const slice = Uint8Array.prototype.slice;

let slab = new ArrayBuffer(SLAB_SIZE);
let used = 0;

/** A copy of `src[start, end)` that shares nothing with `src` (a Buffer included). */
export function copyRange(src: Uint8Array, start: number, end: number): Uint8Array {
  const n = end - start;
  if (n <= ON_HEAP_MAX || n > CARVE_MAX) return slice.call(src, start, end);
  // A slab transferred to a worker is detached (byteLength 0): this starts a new one.
  if (used + n > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_SIZE);
    used = 0;
  }
  const out = new Uint8Array(slab, used, n);
  out.set(src.subarray(start, end));
  // 8-byte alignment, so a Float64Array or BigInt64Array can view a result in place.
  used = (used + n + 7) & ~7;
  return out;
}
