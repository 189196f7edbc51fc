/**
 * protovalidate patterns are RE2. The generated check runs them as JavaScript `RegExp`s with the
 * `u` flag: RE2's leading inline flags (`(?i)`, `(?s)`, `(?m)`) become RegExp flags and `\A` / `\z`
 * anchors become `^` / `$`. RE2 syntax with no JavaScript equivalent is a bad rule.
 */
export function toJsRegExp(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = "u";
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of new Set(inline[1])) flags += f;
  }
  source = source.replace(/\\A/g, "^").replace(/\\z/g, "(?![\\s\\S])");
  if (/\[\[:|\\[pP]\{\^|\(\?P?</.test(source) && !/\(\?<[=!]/.test(source)) {
    // POSIX classes, negated \p{^X} and named groups written the RE2 way
    throw new Error(`RE2 syntax not supported by the JavaScript RegExp translation: ${pattern}`);
  }
  new RegExp(source, flags); // throws SyntaxError for a pattern JavaScript cannot run
  return { source, flags };
}

/** A RegExp literal (source text) for an RE2 pattern; throws for a pattern the translation cannot run. */
export function regexLiteral(pattern: string): string {
  const { source, flags } = toJsRegExp(pattern);
  return `/${escapeSlashes(source) || "(?:)"}/${flags}`;
}

/** The pattern as the body of a RegExp literal: unescaped `/` and line terminators escaped. */
function escapeSlashes(source: string): string {
  let out = "";
  let escaped = false;
  for (const ch of source) {
    if (escaped) {
      out += ch === "\n" ? "n" : ch === "\r" ? "r" : ch;
      escaped = false;
    } else if (ch === "\\") {
      out += ch;
      escaped = true;
    } else if (ch === "/") out += "\\/";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\u2028" || ch === "\u2029") out += ch === "\u2028" ? "\\u2028" : "\\u2029";
    else out += ch;
  }
  return out;
}
