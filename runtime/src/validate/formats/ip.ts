/**
 * IP addresses and prefixes in their textual forms: IPv4 dotted decimal (RFC 791, no leading
 * zeros), IPv6 (RFC 4291 section 2.2, with `::`, an embedded IPv4 tail and, for addresses, an
 * RFC 6874 zone `%id`).
 */

/** The 4 bytes of a dotted-decimal IPv4 address, or undefined. */
export function parseIpv4(s: string): number[] | undefined {
  const parts = s.split(".");
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** The 16 bytes of an IPv6 address (no zone), or undefined. */
export function parseIpv6(s: string): number[] | undefined {
  const halves = s.split("::");
  if (halves.length > 2) return undefined;
  const groups = (text: string): number[] | undefined => {
    if (text === "") return [];
    const out: number[] = [];
    const parts = text.split(":");
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
        out.push(parseInt(p, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  if (!head) return undefined;
  let all: number[];
  if (halves.length === 2) {
    const tail = groups(halves[1]);
    if (!tail || head.length + tail.length > 7) return undefined;
    // An embedded IPv4 address may only end the address.
    if (halves[0].includes(".")) return undefined;
    all = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    all = head;
  }
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An IPv6 address, optionally with a non-empty zone after `%`. */
function isIpv6Address(s: string): boolean {
  const zone = s.indexOf("%");
  if (zone >= 0) return zone < s.length - 1 && parseIpv6(s.slice(0, zone)) !== undefined;
  return parseIpv6(s) !== undefined;
}

/** `version` 4 or 6 limits the family; 0 or undefined accepts either. */
export function isIp(s: string, version?: number): boolean {
  if (version === 4) return parseIpv4(s) !== undefined;
  if (version === 6) return isIpv6Address(s);
  if (version === undefined || version === 0) return parseIpv4(s) !== undefined || isIpv6Address(s);
  return false;
}

/** `address/length`; with `strict`, the bits after the prefix must be zero (`10.0.0.0/8`, not `10.0.0.1/8`). */
export function isIpPrefix(s: string, version?: number, strict = false): boolean {
  if (version === undefined || version === 0) return isIpPrefix(s, 4, strict) || isIpPrefix(s, 6, strict);
  if (version !== 4 && version !== 6) return false;
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const bytes = version === 4 ? parseIpv4(s.slice(0, slash)) : parseIpv6(s.slice(0, slash));
  const len = s.slice(slash + 1);
  if (!bytes || !/^(?:0|[1-9][0-9]{0,2})$/.test(len)) return false;
  const bits = Number(len);
  if (bits > bytes.length * 8) return false;
  if (!strict) return true;
  for (let i = bits; i < bytes.length * 8; i++) if (bytes[i >> 3] & (0x80 >> (i & 7))) return false;
  return true;
}
