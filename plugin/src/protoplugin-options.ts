import { invalid } from "./options.js";

type Rule = { accepts: (value: string) => boolean; expected: string };
const flag: Rule = { accepts: (v) => ["true", "false", "1", "0"].includes(v), expected: "true or false" };
/**
 * The values @bufbuild/protoplugin accepts for the options it parses itself.
 * It rejects anything else with only `invalid option "key=value"`; checking
 * first lets the message say what was expected, as our own options do.
 */
const rules: Record<string, Rule> = {
  target: { accepts: (v) => v.split("+").every((t) => t === "ts" || t === "js" || t === "dts"), expected: "ts, js or dts, or several joined with +" },
  import_extension: { accepts: (v) => ["", "none", "js", ".js", "ts", ".ts"].includes(v), expected: "none, js or ts" },
  js_import_style: { accepts: (v) => v === "module" || v === "legacy_commonjs", expected: "module or legacy_commonjs" },
  keep_empty_files: flag,
  ts_nocheck: flag,
  elide_plugin_version: flag,
  bootstrap_wkt: flag,
};

/**
 * The parameter with spaces around keys, values and commas removed, and empty entries dropped, so that
 * `target=ts, import_extension=js` (as written in a buf.gen.yaml `opt: target=ts, import_extension=js`) means
 * what it says.
 */
export function tidyParameter(parameter: string): string {
  return parameter
    .split(",")
    .map((entry) =>
      entry
        .split("=")
        .map((part) => part.trim())
        .join("="),
    )
    .filter((entry) => entry !== "")
    .join(",");
}

/** Throws a PluginOptionError naming the option and its accepted values when protoplugin would reject the parameter. */
export function checkProtopluginOptions(parameter: string): void {
  for (const raw of parameter === "" ? [] : parameter.split(",")) {
    const i = raw.indexOf("=");
    const key = i < 0 ? raw : raw.slice(0, i);
    const value = i < 0 ? "" : raw.slice(i + 1);
    const rule = rules[key];
    if (rule && !rule.accepts(value)) throw new PluginOptionError(raw, invalid(key, value, rule.expected));
  }
}

/** Shaped like protoplugin's own (unexported) error, so runPlugin reports both the same way. */
class PluginOptionError extends Error {
  override name = "PluginOptionError";
  constructor(raw: string, reason: Error) {
    super(`invalid option "${raw}": ${reason.message}`);
  }
}
