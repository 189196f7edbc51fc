/**
 * `@tsgrpc/runtime/text`: importing it gives every message `toText`,
 * `fromText`, `mergeText` and text-format `console.log` output. Node entries
 * of the runtime import it already; browser bundles import it when they need
 * text format (see text-format.ts).
 */
import { installTextFormat } from "../text-format.js";
import { inspectText } from "./inspect.js";
import { mergeText, readText, writeText } from "./text.js";

installTextFormat({ readText, mergeText, writeText, inspectText });
