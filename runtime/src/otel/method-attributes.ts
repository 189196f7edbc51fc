import type { Attributes } from "@opentelemetry/api";
import type { MethodDefinition } from "../grpc/definition.js";
import type { Code } from "../grpc/status/code.js";
import { rpcNames, statusName } from "./rpc-names.js";

// Status codes gRPC defines; another number a peer sends gets its attributes made per call.
const KNOWN_CODES = 17;
const MAX_PEERS = 1024;

/**
 * What one method's calls are reported under (on the client, one method at
 * one target), made once rather than per call: the span's name and
 * attributes, A66's metric attributes, and those with `grpc.status` added,
 * per status code on first use. The SDK copies or only reads attributes, so
 * every call shares these objects.
 */
export class MethodAttributes {
  /** `package.Service/Method`. */
  readonly spanName: string;
  /** `rpc.service` and `rpc.method`. */
  readonly service: string;
  readonly method: string;
  /** `rpc.system`, `rpc.service`, `rpc.method`, and `extra`. */
  readonly span: Attributes;
  /** `grpc.method` and `metricExtra`: the started counters' attributes. */
  readonly started: Attributes;
  readonly #ended: Attributes[] = [];
  readonly #byPeer = new Map<string, Attributes>();

  constructor(method: MethodDefinition, extra: Attributes, metricExtra: Attributes) {
    const names = rpcNames(method);
    this.spanName = names.fullMethod;
    this.service = names.service;
    this.method = names.method;
    this.span = { "rpc.system": "grpc", "rpc.service": names.service, "rpc.method": names.method, ...extra };
    this.started = { "grpc.method": names.fullMethod, ...metricExtra };
  }

  /**
   * The span attributes of calls from `peer`, made by `make` once per peer
   * (a connection's calls share its peer); past `MAX_PEERS` peers the cache
   * starts over.
   */
  spanFrom(peer: string, make: (method: MethodAttributes, peer: string) => Attributes): Attributes {
    let attributes = this.#byPeer.get(peer);
    if (!attributes) {
      if (this.#byPeer.size >= MAX_PEERS) this.#byPeer.clear();
      this.#byPeer.set(peer, (attributes = make(this, peer)));
    }
    return attributes;
  }

  /** The attributes of a call that ended with `code`. */
  ended(code: Code): Attributes {
    const n: number = code;
    const known = Number.isInteger(n) && n >= 0 && n < KNOWN_CODES;
    let attributes = known ? this.#ended[code] : undefined;
    if (!attributes) {
      attributes = { ...this.started, "grpc.status": statusName(code) };
      if (known) this.#ended[code] = attributes;
    }
    return attributes;
  }
}
