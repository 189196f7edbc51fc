import { TextEncodeError } from "../errors.js";
import type { AnyMessage } from "../message.js";
import { writeText } from "./write.js";

/**
 * What `console.log` and `util.inspect` show for a message in Node: its class
 * name and its set fields as text format (enum names, escaped bytes, unknown
 * fields by number), on one line when it fits in `breakLength`, else one field
 * per line. Undefined when a field holds a value its type cannot (then the
 * caller shows the raw properties, which is what needs debugging).
 */
export function inspectText(msg: AnyMessage, breakLength = 80): string | undefined {
  const name = msg.constructor.name;
  try {
    const line = writeText(msg, { singleLine: true, printUnknownFields: true });
    if (line === "") return `${name} {}`;
    if (name.length + line.length + 4 <= breakLength) return `${name} { ${line} }`;
    const lines = writeText(msg, { printUnknownFields: true });
    return `${name} {\n${lines.replace(/^/gm, "  ").slice(0, -2)}}`;
  } catch (e) {
    if (e instanceof TextEncodeError) return undefined;
    throw e;
  }
}
