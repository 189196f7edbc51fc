import * as user from "../../gen/ts-proto/bench/v1/user.js";
import * as scalars from "../../gen/ts-proto/bench/v1/scalars.js";
import * as collections from "../../gen/ts-proto/bench/v1/collections.js";
import * as document from "../../gen/ts-proto/bench/v1/document.js";
import { encodeDecodePeer } from "./encode-decode-peer.js";

/** ts-proto with `forceLong=bigint` (`useDate=false`: timestamps stay messages, as in every other peer). */
export const tsProto = encodeDecodePeer("ts-proto", { ...user, ...scalars, ...collections, ...document });
