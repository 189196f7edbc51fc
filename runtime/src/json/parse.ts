import { JsonDecodeError } from "../errors.js";
import type { JsonObject, JsonValue } from "./json-value.js";

/**
 * JSON.parse, plus the one check it cannot make: that no object repeats a
 * key (JSON.parse silently keeps the last; protobuf rejects the input).
 *
 * Valid JSON text holds one ':' per object member, plus the ':' inside
 * strings. Without `\u` escapes, a string's ':' in the text is exactly a
 * ':' of a parsed key or string value, so a tree with no lost member has
 * `keys + colons in its strings` equal to the text's ':' count, and a tree
 * that lost a duplicate (with its key and value) has fewer. Counting ':' in
 * the text is one native indexOf per ':'; strings are walked only through
 * the parsed tree. Text with `\u` escapes (which can spell ':') gets the
 * exact scan that skips strings in the text.
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

/**
 * With `members` (keys plus ':' in strings) counted while the tree was read
 * (ReadContext.counting), only the text's ':' remain to count. Text with
 * `\u` escapes makes no use of the count (an escape can spell ':').
 */
export function hasCountableColons(text: string): boolean {
  return text.indexOf("\\u") < 0;
}

function lostMembers(json: JsonValue, text: string): boolean {
  if (!hasCountableColons(text)) return countKeys(json, false) !== countMembers(text);
  return countKeys(json, true) !== colonsIn(text);
}

/** The ':' characters of a string. */
export function colonsIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf(":"); i >= 0; i = s.indexOf(":", i + 1)) n++;
  return n;
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

/**
 * Keys of all objects in the tree, plus (with `colons`) the ':' in its keys
 * and string values; iterative, as JSON.parse builds trees of any depth.
 */
export function countKeys(root: JsonValue, colons: boolean): number {
  let n = 0;
  const stack: JsonValue[] = [root];
  while (stack.length) {
    const json = stack.pop()!;
    if (Array.isArray(json)) {
      for (const item of json) {
        if (typeof item === "object" && item !== null) stack.push(item);
        else if (colons && typeof item === "string") n += colonsIn(item);
      }
    } else {
      for (const key in json as JsonObject) {
        n++;
        if (colons) n += colonsIn(key);
        const v = (json as JsonObject)[key]!;
        if (typeof v === "object" && v !== null) stack.push(v);
        else if (colons && typeof v === "string") n += colonsIn(v);
      }
    }
  }
  return n;
}
