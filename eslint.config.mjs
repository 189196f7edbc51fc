// typescript-eslint with type information (docs/TESTING.md "Lint, format, types"): its type-aware rules
// (floating and misused promises, unsafe any, needless assertions) catch what matters in async gRPC code.
// Prettier formats; eslint-config-prettier turns off the rules it makes moot.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // Generated code has its own golden tests; testdata/conformance/gen and dist are build output.
  { ignores: ["**/node_modules/", "**/dist/", "**/gen/", "**/*.d.ts"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function without await is how handlers, interceptors and tests implement a Promise-returning
      // signature and turn a throw into a rejection; the rule would ask for Promise.resolve wrappers instead.
      "@typescript-eslint/require-await": "off",
      // An `any` written out is visible in review (in this code base: `Message<any>` and `MethodDefinition<any, any>`,
      // bounds every message type fits, T being invariant); the no-unsafe-* rules catch any flowing where it hurts.
      "@typescript-eslint/no-explicit-any": "off",
      // Passing on a caught value (`catch (e) { return Promise.reject(e) }`) keeps it as it was thrown.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingUnknown: true }],
      // `_` marks a binding that is there for its position (as tsc's noUnusedLocals reads it).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Node scripts and configs (CommonJS, no tsconfig); testdata/packaging/main.ts compiles only in the
    // user's project the packaging test builds around it.
    files: ["**/*.js", "**/*.cjs", "**/*.mjs", "testdata/packaging/**"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Tests load modules afresh (after jest.resetModules, or once a build step has made them): that takes require.
    files: ["**/test/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["**/*.js", "**/*.cjs"], languageOptions: { sourceType: "commonjs" }, rules: { "@typescript-eslint/no-require-imports": "off" } },
  prettier,
);
