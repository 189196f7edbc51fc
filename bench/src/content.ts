/**
 * Reduces any peer's decoded message to one canonical form, so "every peer
 * decodes the same bytes to the same content" is a string comparison.
 *
 * Peers differ in representation, not content: 64-bit integers are bigint,
 * Long or number; bytes are Uint8Array or Buffer; unset fields are absent,
 * undefined, on the prototype (protobuf.js) or hold the default. So numbers of
 * every kind become decimal strings, bytes become hex, default values and
 * `$`-prefixed bookkeeping members (protobuf-es `$typeName`) are dropped, and
 * object keys are sorted.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(normalize(value) ?? {});
}

function isLong(v: object): v is { low: number; high: number; toString(): string } {
  return "low" in v && "high" in v && typeof (v as { low: unknown }).low === "number";
}

function normalize(v: unknown): unknown {
  switch (typeof v) {
    case "number":
    case "bigint":
      return String(v) === "0" ? undefined : String(v);
    case "string":
      return v === "" ? undefined : v;
    case "boolean":
      return v ? true : undefined;
    case "object":
      if (v === null) return undefined;
      if (v instanceof Uint8Array) return v.length === 0 ? undefined : Buffer.from(v).toString("hex");
      if (isLong(v)) return normalize(v.toString());
      if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((e) => normalize(e) ?? null);
      return normalizeObject(v as Record<string, unknown>);
    default:
      return undefined;
  }
}

/** A present sub-message stays present even when all its fields are default. */
function normalizeObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(o).sort()) {
    if (key.startsWith("$")) continue;
    const n = normalize(o[key]);
    if (n !== undefined) out[key] = n;
  }
  return out;
}
