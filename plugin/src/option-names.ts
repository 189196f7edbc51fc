/** Every option the plugin accepts: its own, then those @bufbuild/protoplugin parses. */
export const optionNames = [
  "target",
  "import_extension",
  "js_import_style",
  "long_type",
  "services",
  "runtime_import",
  "keep_empty_files",
  "bootstrap_wkt",
  "ts_nocheck",
  "elide_plugin_version",
  "rewrite_imports",
  "map_imports",
] as const;
