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
