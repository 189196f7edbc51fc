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
// eslint-disable-next-line @typescript-eslint/unbound-method -- called as slice.call(bytes, ...)
const slice = Uint8Array.prototype.slice;

/** A tail shorter than this is not lent: a message would rarely fit and would move at once. */
const MIN_TAIL = 512;

let slab = new ArrayBuffer(SLAB_SIZE);
let used = 0;
/** Views of the whole current slab, for the writer the tail is lent to. */
let slabBytes = new Uint8Array(slab);
let slabView = new DataView(slab);
let lent = false;

function newSlab(): void {
  slab = new ArrayBuffer(SLAB_SIZE);
  slabBytes = new Uint8Array(slab);
  slabView = new DataView(slab);
  used = 0;
}

/** A copy of `src[start, end)` that shares nothing with `src` (a Buffer included). */
export function copyRange(src: Uint8Array, start: number, end: number): Uint8Array {
  const n = end - start;
  // While a writer holds the tail (an encode inside an encode), copies take buffers of their own.
  if (n <= ON_HEAP_MAX || n > CARVE_MAX || lent) return slice.call(src, start, end);
  // A slab transferred to a worker is detached (byteLength 0): this starts a new one.
  if (used + n > slab.byteLength) newSlab();
  const out = new Uint8Array(slab, used, n);
  out.set(src.subarray(start, end));
  // 8-byte alignment, so a Float64Array or BigInt64Array can view a result in place.
  used = (used + n + 7) & ~7;
  return out;
}

/*
 * The free tail of the slab, lent to one writer at a time (`writeBinary`'s),
 * which encodes there in place: its result is then a view of what it wrote,
 * with no copy. A writer that outgrows the tail moves to a buffer of its own
 * and gives the tail back.
 */

/** Lends the free tail (starting a new slab when little is left) and returns where it starts; -1 while it is lent already. */
export function lendTail(): number {
  if (lent) return -1;
  if (used + MIN_TAIL > slab.byteLength) newSlab();
  lent = true;
  return used;
}

/** The whole slab whose tail is lent, and a DataView of it. */
export function lentBytes(): Uint8Array {
  return slabBytes;
}
export function lentView(): DataView {
  return slabView;
}

/** Keeps `[start, end)` of the lent tail as a result and ends the loan. */
export function keepLent(start: number, end: number): Uint8Array {
  lent = false;
  used = (end + 7) & ~7;
  return new Uint8Array(slab, start, end - start);
}

/** Ends the loan, keeping nothing. */
export function returnLent(): void {
  lent = false;
}
