import { isIp } from "./ip.js";

/**
 * A host name as RFC 1034 and RFC 1123 define it: at most 253 characters (a trailing dot
 * allowed), dot-separated labels of 1 to 63 ASCII letters, digits and hyphens that neither start
 * nor end with a hyphen, and a last label that is not all digits.
 */
export function isHostname(s: string): boolean {
  if (s.length > 253) return false;
  const labels = (s.endsWith(".") ? s.slice(0, -1) : s).split(".");
  for (const label of labels) if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(label)) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/**
 * `host:port` where host is a host name, an IPv4 address or a bracketed IPv6 address, and port a
 * decimal 0-65535 without leading zeros; the port may be left out unless `portRequired`.
 */
export function isHostAndPort(s: string, portRequired: boolean): boolean {
  if (s === "") return false;
  const colon = s.lastIndexOf(":");
  if (s.startsWith("[")) {
    const close = s.lastIndexOf("]");
    if (close === s.length - 1) return !portRequired && isIp(s.slice(1, close), 6);
    return close + 1 === colon && isIp(s.slice(1, close), 6) && isPort(s.slice(colon + 1));
  }
  if (colon < 0) return !portRequired && (isHostname(s) || isIp(s, 4));
  const host = s.slice(0, colon);
  return (isHostname(host) || isIp(host, 4)) && isPort(s.slice(colon + 1));
}

function isPort(s: string): boolean {
  return /^(?:0|[1-9][0-9]{0,4})$/.test(s) && Number(s) <= 65535;
}

/**
 * An e-mail address as the HTML standard's "valid e-mail address" defines it (deliberately
 * narrower than RFC 5322: no quoted local parts, no comments).
 */
export function isEmail(s: string): boolean {
  return /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(s);
}
