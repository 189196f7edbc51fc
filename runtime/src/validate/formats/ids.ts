/** Identifier formats: UUID (RFC 4122 text form), trimmed UUID (32 hex digits), ULID, protobuf names, HTTP headers (RFC 7230). */
export const isUuid = (s: string): boolean => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);
export const isTuuid = (s: string): boolean => /^[0-9a-fA-F]{32}$/.test(s);
export const isUlid = (s: string): boolean => /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/.test(s);
export const isProtobufFqn = (s: string): boolean => /^[A-Za-z_][A-Za-z_0-9]*(?:\.[A-Za-z_][A-Za-z_0-9]*)*$/.test(s);
export const isProtobufDotFqn = (s: string): boolean => s.startsWith(".") && isProtobufFqn(s.slice(1));
export const isHeaderName = (s: string, strict: boolean): boolean => (strict ? /^:?[0-9a-zA-Z!#$%&'*+\-.^_|~`]+$/.test(s) : /^[^\0\n\r]+$/.test(s));
export const isHeaderValue = (s: string, strict: boolean): boolean =>
  // eslint-disable-next-line no-control-regex -- control characters are what a strict header value refuses
  strict ? /^[^\0-\x08\n-\x1f\x7f]*$/.test(s) : /^[^\0\n\r]*$/.test(s);
