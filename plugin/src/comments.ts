import type { DescEnum, DescEnumValue, DescField, DescMessage, DescOneof, DescService, DescMethod } from "@bufbuild/protobuf";
import { getComments } from "@bufbuild/protoplugin";
import type { Line } from "./code.js";

type Documented = DescMessage | DescEnum | DescEnumValue | DescField | DescOneof | DescService | DescMethod;

/**
 * TSDoc for a declaration: the proto leading comment, and `@deprecated` when
 * the element is deprecated. Empty when there is nothing to say.
 */
export function tsDoc(desc: Documented): Line[] {
  const lines = (getComments(desc).leading ?? "")
    .replace(/\n$/, "")
    .split("\n")
    // Leading comments keep the space after `//`; one level of it is noise in TSDoc.
    .map((l) => (l.startsWith(" ") ? l.slice(1) : l).replace(/\*\//g, "*\\/").trimEnd());
  while (lines.length && lines[0] === "") lines.shift();
  if (desc.deprecated) {
    if (lines.length) lines.push("");
    lines.push("@deprecated");
  }
  if (!lines.length) return [];
  return [["/**"], ...lines.map((l): Line => [l ? ` * ${l}` : " *"]), [" */"]];
}
