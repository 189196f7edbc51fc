import { bench } from "../../gen/protobufjs/bench.js";
import { encodeDecodePeer } from "./encode-decode-peer.js";

/** protobuf.js static code (`pbjs -t static-module --force-long`), the classic fast path. */
export const protobufJs = encodeDecodePeer("protobuf.js", bench.v1);
