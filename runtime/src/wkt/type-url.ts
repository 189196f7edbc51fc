/** The default prefix of `Any.type_url`. */
export const TYPE_URL_PREFIX = "type.googleapis.com/";

/** "type.googleapis.com/pkg.Msg" → "pkg.Msg": the name is everything after the last "/". */
export function typeNameOfUrl(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}
