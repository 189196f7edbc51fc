import { JsonDecodeError } from "../errors.js";
import type { JsonObject, JsonValue } from "./json-value.js";

/**
 * JSON.parse, plus the one check it cannot make: that no object repeats a
 * key (JSON.parse silently keeps the last; protobuf rejects the input).
 *
 * Valid JSON text holds one ':' outside strings per object member, so a tree
 * that lost a duplicate (with its key and value) has fewer keys than the
 * text has such ':'. A member's ':' follows its key's closing quote; every
 * other ':' is inside a string (memberColons). Counting them is one native
 * indexOf per ':' of the text; the tree's keys are counted by the generated
 * readers as they go (ReadContext.counting), or by a walk of the tree.
 */
export function parseJson(text: string): JsonValue {
  const json = parseJsonText(text);
  checkDuplicates(json, text);
  return json;
}

/** JSON.parse, its errors as JsonDecodeError. */
export function parseJsonText(text: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new JsonDecodeError(`invalid JSON: ${(e as Error).message}`);
  }
}

/** Throws when `json`, parsed from `text`, lost a member to a repeated key. */
export function checkDuplicates(json: JsonValue, text: string): void {
  if (typeof json === "object" && json !== null && lostMembers(json, text)) {
    throw new JsonDecodeError("invalid JSON: an object has a duplicate key");
  }
}

function lostMembers(json: JsonValue, text: string): boolean {
  const colons = memberColons(text);
  return countKeys(json) !== (colons >= 0 ? colons : countMembers(text));
}

/**
 * The ':' outside strings of valid JSON text, told by what precedes each ':'
 * of the text. A member's ':' follows its key's closing quote; inside a
 * string, a quote is escaped. So a ':' after a quote no backslash escapes
 * is a member's, unless that quote may open a string (":..." after a
 * structural character or whitespace); a ':' after anything else but
 * whitespace is inside a string. The two unclear cases (a string starting
 * with ':', "key" : 1) are rare: -1, and the caller scans exactly.
 */
export function memberColons(text: string): number {
  let n = 0;
  for (let i = text.indexOf(":"); i >= 0; i = text.indexOf(":", i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c === 34 /* " */) {
      let backslashes = 0;
      while (text.charCodeAt(i - 2 - backslashes) === 92 /* \ */) backslashes++;
      if (backslashes % 2 === 1) continue;
      if (backslashes === 0 && (i < 2 || mayPrecedeString(text.charCodeAt(i - 2)))) return -1;
      n++;
    } else if (isSpace(c)) {
      return -1;
    }
  }
  return n;
}

/** ':' ',' '[' '{' or whitespace: what can come before a string's opening quote. */
function mayPrecedeString(c: number): boolean {
  return c === 58 || c === 44 || c === 91 || c === 123 || isSpace(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
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
export function countKeys(root: JsonValue): number {
  let n = 0;
  const stack: JsonValue[] = [root];
  while (stack.length) {
    const json = stack.pop()!;
    if (Array.isArray(json)) {
      for (const item of json) if (typeof item === "object" && item !== null) stack.push(item);
    } else {
      for (const key in json as JsonObject) {
        n++;
        const v = (json as JsonObject)[key]!;
        if (typeof v === "object" && v !== null) stack.push(v);
      }
    }
  }
  return n;
}
