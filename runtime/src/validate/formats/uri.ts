import { isIp, parseIpv6 } from "./ip.js";

/** URIs and URI references by the grammar of RFC 3986 (appendix A), with RFC 6874 zones in IPv6 literals. */

const unreserved = "A-Za-z0-9\\-._~";
const subDelims = "!$&'()*+,;=";
const pct = "%[0-9A-Fa-f]{2}";
const pchar = `(?:[${unreserved}${subDelims}:@]|${pct})`;
const scheme = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const queryOrFragment = new RegExp(`^(?:${pchar}|[/?])*$`);
const userinfo = new RegExp(`^(?:[${unreserved}${subDelims}:]|${pct})*$`);
const regName = new RegExp(`^(?:[${unreserved}${subDelims}]|${pct})*$`);
const pathAbempty = new RegExp(`^(?:/${pchar}*)*$`);
const pathAbsolute = new RegExp(`^/(?:${pchar}+(?:/${pchar}*)*)?$`);
const pathRootless = new RegExp(`^${pchar}+(?:/${pchar}*)*$`);
const pathNoscheme = new RegExp(`^(?:[${unreserved}${subDelims}@]|${pct})+(?:/${pchar}*)*$`);
const zoneId = new RegExp(`^(?:[${unreserved}]|${pct})+$`);
const ipvFuture = new RegExp(`^[vV][0-9A-Fa-f]+\\.[${unreserved}${subDelims}:]+$`);

/** An absolute URI: `scheme:hier-part[?query][#fragment]`. */
export function isUri(s: string): boolean {
  const rest = splitTail(s);
  if (!rest) return false;
  const colon = rest.indexOf(":");
  if (colon <= 0 || !scheme.test(rest.slice(0, colon))) return false;
  return hierPart(rest.slice(colon + 1), pathRootless);
}

/** A URI, or a relative reference such as `../a?b` or `//host/path`. */
export function isUriRef(s: string): boolean {
  if (isUri(s)) return true;
  const rest = splitTail(s);
  return rest !== undefined && hierPart(rest, pathNoscheme);
}

/** The text before `?query#fragment` if query and fragment are well-formed. */
function splitTail(s: string): string | undefined {
  const hash = s.indexOf("#");
  if (hash >= 0 && !queryOrFragment.test(s.slice(hash + 1))) return undefined;
  const head = hash >= 0 ? s.slice(0, hash) : s;
  const q = head.indexOf("?");
  if (q >= 0 && !queryOrFragment.test(head.slice(q + 1))) return undefined;
  return q >= 0 ? head.slice(0, q) : head;
}

function hierPart(s: string, relativePath: RegExp): boolean {
  if (s.startsWith("//")) {
    const slash = s.indexOf("/", 2);
    const authority = slash < 0 ? s.slice(2) : s.slice(2, slash);
    return isAuthority(authority) && pathAbempty.test(slash < 0 ? "" : s.slice(slash));
  }
  return s === "" || pathAbsolute.test(s) || relativePath.test(s);
}

function isAuthority(s: string): boolean {
  const at = s.indexOf("@");
  if (at >= 0 && !userinfo.test(s.slice(0, at))) return false;
  const hostPort = s.slice(at + 1);
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    if (close < 0) return false;
    const after = hostPort.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) return false;
    if (!isIpLiteral(hostPort.slice(1, close))) return false;
    return /^[0-9]*$/.test(after.slice(1));
  }
  const colon = hostPort.indexOf(":");
  const host = colon < 0 ? hostPort : hostPort.slice(0, colon);
  const port = colon < 0 ? "" : hostPort.slice(colon + 1);
  return /^[0-9]*$/.test(port) && (isIp(host, 4) || regName.test(host));
}

function isIpLiteral(s: string): boolean {
  if (ipvFuture.test(s)) return true;
  const zone = s.indexOf("%25");
  if (zone >= 0) return parseIpv6(s.slice(0, zone)) !== undefined && zoneId.test(s.slice(zone + 3));
  return parseIpv6(s) !== undefined;
}
