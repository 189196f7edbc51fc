export function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

/** Bytes from hex digits; whitespace is ignored so vectors can be grouped. */
export function unhex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s.replace(/\s+/g, ""), "hex"));
}
