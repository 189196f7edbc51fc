import type { DescEnum, DescEnumValue, DescField, DescMessage, DescOneof, DescService, DescMethod } from "@bufbuild/protobuf";
import { getComments } from "@bufbuild/protoplugin";
import type { Line } from "./code.js";
import { fieldName } from "./names.js";

type Documented = DescMessage | DescEnum | DescEnumValue | DescField | DescOneof | DescService | DescMethod;

/**
 * TSDoc for a declaration: the proto leading comment, then its trailing comment (`int32 id = 1; // ...`),
 * for a oneof the comments of its members, and `@deprecated` when the element is deprecated. Empty when
 * there is nothing to say.
 */
export function tsDoc(desc: Documented): Line[] {
  const comments = getComments(desc);
  const paragraphs = [commentLines(comments.leading), commentLines(comments.trailing)];
  if (desc.kind === "oneof") {
    const members = desc.fields.flatMap((f) => {
      const [first = "", ...rest] = [...commentLines(getComments(f).leading), ...commentLines(getComments(f).trailing)];
      return first ? [`- \`${fieldName(f)}\`: ${first}`, ...rest.map((l) => (l ? `  ${l}` : l))] : [];
    });
    paragraphs.push(members);
  }
  if (desc.deprecated) paragraphs.push(["@deprecated"]);
  const lines = paragraphs.filter((p) => p.length).flatMap((p, i) => (i ? ["", ...p] : p));
  if (!lines.length) return [];
  return [["/**"], ...lines.map((l): Line => [l ? ` * ${l}` : " *"]), [" */"]];
}

/** A proto comment as lines, without the blank lines around it and one level of the space after `//`. */
function commentLines(comment: string | undefined): string[] {
  const lines = (comment ?? "").split("\n").map((l) => (l.startsWith(" ") ? l.slice(1) : l).replace(/\*\//g, "*\\/").trimEnd());
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
