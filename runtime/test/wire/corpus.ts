import { unhex } from "./hex";

/** Valid encodings touching every wire type, nesting, and non-minimal varints: seeds for round-trip and mutation tests. */
export const corpus: readonly Uint8Array[] = [
  unhex("089601"),
  unhex("120774657374696e67"),
  unhex("08feffffffffffffffff01 10ffffffffffffffffff01 1803"),
  unhex("0d01000000 110100000000000000 1d0000803f 210000000000 00f03f"),
  unhex("2206038e029ea705"),
  unhex("0b 0801 13 1a0161 14 0c"),
  unhex("8801 01 f8ffffff0f 00 8880808000 05"),
  unhex("0a0e 0a0c 0a0a 1203616263 0d01020304"),
  unhex("ba0300 c03e00"),
  new Uint8Array([0x12, 0x80, 0x01, ...new Uint8Array(128).fill(0x61)]),
  new TextEncoder().encode("\x12\x12héllo wörld 😀"),
];
