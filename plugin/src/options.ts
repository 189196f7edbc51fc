import { optionNames } from "./option-names.js";

/** The plugin's own parameters (protoplugin handles target, import_extension, js_import_style, keep_empty_files, bootstrap_wkt...). */
export interface Options {
  /** Representation of 64-bit integers without `[jstype = JS_STRING]`. */
  longType: "bigint" | "string";
  /** Module generated code imports the runtime from; `./` or `../` means relative to the output root. */
  runtimeImport: string;
  /** Whether to write `_grpc.ts` files for services. */
  services: boolean;
  /**
   * A `buf.validate` rule that does not fit its field: `error` fails generation naming file, message,
   * field and rule; `validator` generates, for that message only, a validator returning the
   * compilation error (protovalidate's behaviour at run time).
   */
  badRules: "error" | "validator";
}

/** Parses `key=value` pairs protoplugin did not recognise; anything unknown or malformed throws, naming it. */
export function parseOptions(raw: { key: string; value: string }[]): Options {
  const options: Options = { longType: "bigint", runtimeImport: "@tsgrpc/runtime", services: true, badRules: "error" };
  for (const { key, value } of raw) {
    switch (key) {
      case "long_type":
        if (value !== "bigint" && value !== "string") throw invalid(key, value, "bigint or string");
        options.longType = value;
        break;
      case "runtime_import":
        if (value === "") throw invalid(key, value, "a module path");
        options.runtimeImport = value;
        break;
      case "services":
        if (value !== "true" && value !== "false") throw invalid(key, value, "true or false");
        options.services = value === "true";
        break;
      case "bad_rules":
        if (value !== "error" && value !== "validator") throw invalid(key, value, "error or validator");
        options.badRules = value;
        break;
      default:
        throw new Error(`unknown option "${key}" (the options are ${optionNames.join(", ")})`);
    }
  }
  return options;
}

export function invalid(key: string, value: string, expected: string): Error {
  return new Error(`invalid value "${value}" for option "${key}" (expected ${expected})`);
}
