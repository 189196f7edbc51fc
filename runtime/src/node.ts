/**
 * `@tsgrpc/runtime` as Node (and CommonJS) loads it: the index plus text
 * format, installed. Bundlers for the browser take index.ts alone, so a web
 * app ships text format only when it imports `@tsgrpc/runtime/text`.
 */
import "./text/index.js";
export * from "./index.js";
