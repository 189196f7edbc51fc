/**
 * Reads little-endian floats by copying their bytes into a scratch buffer.
 * Slower per value than a DataView (about 12 ns against 2.5), but creating a
 * DataView costs about 200 ns, so a reader uses this until it has read enough
 * floats to pay for one.
 */
const f64 = new Float64Array(1);
const f32 = new Float32Array(f64.buffer);
const scratch = new Uint8Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function float64At(buf: Uint8Array, p: number): number {
  if (littleEndian) {
    scratch[0] = buf[p];
    scratch[1] = buf[p + 1];
    scratch[2] = buf[p + 2];
    scratch[3] = buf[p + 3];
    scratch[4] = buf[p + 4];
    scratch[5] = buf[p + 5];
    scratch[6] = buf[p + 6];
    scratch[7] = buf[p + 7];
  } else {
    for (let i = 0; i < 8; i++) scratch[7 - i] = buf[p + i];
  }
  return f64[0];
}

export function float32At(buf: Uint8Array, p: number): number {
  if (littleEndian) {
    scratch[0] = buf[p];
    scratch[1] = buf[p + 1];
    scratch[2] = buf[p + 2];
    scratch[3] = buf[p + 3];
  } else {
    for (let i = 0; i < 4; i++) scratch[3 - i] = buf[p + i];
  }
  return f32[0];
}
