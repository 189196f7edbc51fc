import { JsonDecodeError } from "../errors.js";
import type { JsonValue } from "./json-value.js";

/**
 * JSON.parse, plus the one check it cannot make: that no object repeats a
 * key (JSON.parse silently keeps the last; protobuf rejects the input). The
 * text holds one ':' outside strings per object member, so a parsed tree
 * with fewer keys than that lost a duplicate. Both counts are linear scans,
 * far cheaper than a parser written in JavaScript.
 */
export function parseJson(text: string): JsonValue {
  let json: JsonValue;
  try {
    json = JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new JsonDecodeError(`invalid JSON: ${(e as Error).message}`);
  }
  if (typeof json === "object" && json !== null && countKeys(json) !== countMembers(text)) {
    throw new JsonDecodeError("invalid JSON: an object has a duplicate key");
  }
  return json;
}

/** ':' characters outside strings in valid JSON text. */
function countMembers(text: string): number {
  let count = 0;
  let colon = text.indexOf(":");
  let i = 0;
  while (colon >= 0) {
    const quote = text.indexOf('"', i);
    if (quote < 0 || colon < quote) {
      count++;
      colon = text.indexOf(":", colon + 1);
      continue;
    }
    i = stringEnd(text, quote) + 1;
    if (colon < i) colon = text.indexOf(":", i);
  }
  return count;
}

/** Index of the quote closing the string that opens at `open` (the text is valid JSON). */
function stringEnd(text: string, open: number): number {
  let j = open;
  for (;;) {
    j = text.indexOf('"', j + 1);
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92 /* \ */) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
}

/** Keys of all objects in the tree; iterative, as JSON.parse builds trees of any depth. */
function countKeys(root: JsonValue): number {
  let n = 0;
  const stack: JsonValue[] = [root];
  while (stack.length) {
    const json = stack.pop()!;
    if (typeof json !== "object" || json === null) continue;
    if (Array.isArray(json)) {
      for (const item of json) if (typeof item === "object") stack.push(item);
    } else {
      for (const key in json) {
        n++;
        const v = json[key]!;
        if (typeof v === "object") stack.push(v);
      }
    }
  }
  return n;
}
