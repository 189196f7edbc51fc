import type { Printable } from "@bufbuild/protoplugin";

/** One line of generated code; parts may be import symbols, which protoplugin turns into imports. */
export type Line = Printable[];

/** Indents lines by `depth` levels of two spaces (blank lines stay empty). */
export function indent(lines: Line[], depth = 1): Line[] {
  const pad = "  ".repeat(depth);
  return lines.map((l) => (l.length ? [pad, ...l] : l));
}

/** `head {`, the body indented, `}`. */
export function block(head: Line, body: Line[], tail: Line = ["}"]): Line[] {
  return [[...head, " {"], ...indent(body), tail];
}

/** A string literal that is valid TypeScript for any input. */
export function literal(s: string): string {
  return JSON.stringify(s);
}
