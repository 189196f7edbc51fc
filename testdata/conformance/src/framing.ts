/**
 * The conformance runner's pipe protocol: every message, both ways, is a
 * 4-byte little-endian length followed by that many bytes.
 */

/** Prefixes `payload` with its length. */
export function frame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length, true);
  out.set(payload, 4);
  return out;
}

/** Collects stdin chunks and hands out each complete frame's payload once it has fully arrived. */
export class FrameReader {
  private pending = new Uint8Array(0);

  /** Adds a chunk and returns the payloads it completed, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    const joined = new Uint8Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const frames: Uint8Array[] = [];
    let pos = 0;
    while (joined.length - pos >= 4) {
      const len = new DataView(joined.buffer, pos, 4).getUint32(0, true);
      if (joined.length - pos - 4 < len) break;
      frames.push(joined.slice(pos + 4, pos + 4 + len));
      pos += 4 + len;
    }
    this.pending = joined.slice(pos);
    return frames;
  }

  /** Bytes of a frame that has started but not finished (non-zero at end of input means the runner cut us off). */
  get buffered(): number {
    return this.pending.length;
  }
}
