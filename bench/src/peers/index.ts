import type { Peer } from "../peer.js";
import { nativeJson } from "./json.js";
import { protobufEs } from "./protobuf-es.js";
import { protobufJs } from "./protobufjs.js";
import { tsProto } from "./ts-proto.js";
import { tsgrpc } from "./tsgrpc.js";

/** Every codec under test; the first is the subject whose ratios are printed. */
export const peers: readonly Peer[] = [tsgrpc, protobufEs, tsProto, protobufJs, nativeJson];
