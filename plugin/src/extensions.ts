import type { DescExtension, DescField, DescFile, DescMessage } from "@bufbuild/protobuf";
import { literal, type Line } from "./code.js";
import type { FileContext } from "./context.js";
import { fieldInfo } from "./field-table.js";
import { extensionConstName } from "./names.js";

/**
 * Extensions: one `ExtensionInfo` const per extension a file declares, listed
 * in its fileInfo, so a registry built from the file lets JSON read and write
 * `"[pkg.ext]": value` (extension values themselves stay in unknown fields).
 */

/** Every extension of a file, nested ones included, in declaration order. */
function extensionsOf(file: DescFile): DescExtension[] {
  const all: DescExtension[] = [...file.extensions];
  const visit = (m: DescMessage) => {
    all.push(...m.nestedExtensions);
    m.nestedMessages.forEach(visit);
  };
  file.messages.forEach(visit);
  return all;
}

/** The consts, as sections of the file (none when it declares no extension). */
export function extensionSections(ctx: FileContext): Line[][] {
  return extensionsOf(ctx.file).map((ext) => [
    [`export const ${extensionConstName(ext)}: `, ctx.rt("ExtensionInfo", true), " = /*@__PURE__*/ ", ctx.rt("extensionInfo"), "("],
    [`  ${literal(ext.typeName)},`],
    ["  () => ", ctx.type(ext.extendee), ","],
    // An extension is described like a field without a oneof; its jsonName is "[pkg.ext]".
    ["  () => (", ...fieldInfo(ctx, ext as unknown as DescField), "),"],
    [");"],
  ]);
}

/** The `extensions` entry of the fileInfo types thunk, or nothing when the file declares none. */
export function extensionsEntry(file: DescFile): Line[] {
  const names = extensionsOf(file).map(extensionConstName);
  return names.length ? [[`    extensions: [${names.join(", ")}],`]] : [];
}
