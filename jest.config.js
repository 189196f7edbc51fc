/** Jest runs the TypeScript tests beside each package; ts-jest only transpiles (tsc checks types). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/runtime/test", "<rootDir>/plugin/test", "<rootDir>/bench/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }] },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 60000,
};
