import * as grpc from "@grpc/grpc-js";
import { Metadata, isValidMetadataEntry, type MetadataInit, type MetadataValue } from "./metadata.js";

/** Our metadata as grpc-js metadata (binary values shared, not copied). */
export function toGrpcMetadata(md: Metadata | MetadataInit | undefined): grpc.Metadata {
  const out = new grpc.Metadata();
  if (md === undefined) return out;
  for (const [k, v] of md instanceof Metadata ? md : new Metadata(md)) {
    out.add(k, typeof v === "string" ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  }
  return out;
}

/**
 * grpc-js metadata as ours. grpc-js already validated what came off the wire;
 * an entry our stricter rules refuse (e.g. a non-ASCII text value from a
 * lenient peer) is dropped rather than failing the whole call.
 */
export function fromGrpcMetadata(md: grpc.Metadata | null | undefined): Metadata {
  const pairs: [string, MetadataValue][] = [];
  for (const [k, vs] of Object.entries(md?.toJSON() ?? {})) {
    for (const v of vs) {
      const value = typeof v === "string" ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      if (isValidMetadataEntry(k, value)) pairs.push([k, value]);
    }
  }
  return new Metadata(pairs);
}
