import * as grpc from "@grpc/grpc-js";
import { Metadata, appendValidated, isValidMetadataEntry, valuesByKey, type MetadataInit } from "./metadata.js";

/** Our metadata as grpc-js metadata (binary values shared, not copied). */
export function toGrpcMetadata(md: Metadata | MetadataInit | undefined): grpc.Metadata {
  const out = new grpc.Metadata();
  if (md === undefined) return out;
  for (const [k, values] of valuesByKey(md instanceof Metadata ? md : new Metadata(md))) {
    for (const v of values) out.add(k, typeof v === "string" ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  }
  return out;
}

/**
 * grpc-js metadata as ours. grpc-js already validated what came off the wire;
 * an entry our stricter rules refuse (e.g. a non-ASCII text value from a
 * lenient peer) is dropped rather than failing the whole call. One pass,
 * each entry checked once: a server reads its calls' metadata through this.
 */
export function fromGrpcMetadata(md: grpc.Metadata | null | undefined): Metadata {
  const out = new Metadata();
  if (!md) return out;
  const entries = md.toJSON();
  for (const key of Object.keys(entries)) {
    const k = key.toLowerCase();
    for (const v of entries[key]) {
      const value = typeof v === "string" ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      if (isValidMetadataEntry(k, value)) appendValidated(out, k, value);
    }
  }
  return out;
}
