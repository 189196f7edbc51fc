import type { MethodDefinition } from "../grpc/definition.js";
import { Code } from "../grpc/status/code.js";

/** The names one method is reported under, computed once per method. */
export interface RpcNames {
  /** `package.Service/Method`: the span name and A66's `grpc.method`. */
  readonly fullMethod: string;
  /** `rpc.service`: `package.Service`. */
  readonly service: string;
  /** `rpc.method`: `Method`. */
  readonly method: string;
}

const cache = new WeakMap<MethodDefinition, RpcNames>();

export function rpcNames(method: MethodDefinition): RpcNames {
  let names = cache.get(method);
  if (!names) {
    const fullMethod = method.path.startsWith("/") ? method.path.slice(1) : method.path;
    const slash = fullMethod.lastIndexOf("/");
    names = { fullMethod, service: slash < 0 ? "" : fullMethod.slice(0, slash), method: method.name };
    cache.set(method, names);
  }
  return names;
}

/** A status code as A66's `grpc.status` spells it (`OK`, `DEADLINE_EXCEEDED`, ...). */
export function statusName(code: Code): string {
  return Code[code] ?? "UNKNOWN";
}

/** Host and port of an address such as `127.0.0.1:50051`, `[::1]:50051`, `example.com`, `dns:///example.com:443`, `unix:/tmp/s`. */
export function hostAndPort(address: string): { host: string; port?: number } {
  const scheme = /^(dns|ipv4|ipv6|unix|unix-abstract|vsock|xds):(\/\/[^/]*\/)?/.exec(address);
  if (scheme?.[1]?.startsWith("unix")) return { host: address.slice(scheme[0].length) };
  // a comma-separated ipv4:/ipv6: list names several servers: report the first
  const rest = (scheme ? address.slice(scheme[0].length) : address).split(",")[0];
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(rest);
  if (bracketed) return withPort(bracketed[1], bracketed[2]);
  const colon = rest.lastIndexOf(":");
  // more than one colon without brackets: a bare IPv6 address
  if (colon < 0 || rest.indexOf(":") !== colon) return { host: rest };
  return withPort(rest.slice(0, colon), rest.slice(colon + 1));
}

function withPort(host: string, port: string | undefined): { host: string; port?: number } {
  const n = port === undefined ? NaN : Number(port);
  return Number.isInteger(n) && n > 0 ? { host, port: n } : { host };
}

/** A66's `grpc.target`: the target as given, with `dns:///` in front when it names no scheme (as gRPC canonicalizes it). */
export function canonicalTarget(target: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || /^(dns|ipv4|ipv6|unix|unix-abstract|vsock|xds):/.test(target) ? target : `dns:///${target}`;
}
