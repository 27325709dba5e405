const path = require("node:path");

/** Shared jest settings: every project transpiles TypeScript with swc and finds tests under test/. */
module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // A time limit only catches a hang: on a loaded 2-core machine the IAM simulations of one
  // beforeAll took longer than jest's default 5 s, and the machine's speed must not decide a result.
  testTimeout: 60_000,
  setupFiles: [path.join(__dirname, "jest.setup.js")],
  globalSetup: path.join(__dirname, "jest.global-setup.js"),
  moduleNameMapper: {
    "^typescript$": path.join(__dirname, "jest.typescript-on-demand.js"),
    // Tests own their tables: the specs module's production list is replaced by the tests' list, so
    // adding a table to production breaks only the test that pins it (it imports the file by path).
    "^\\./production-tables$": path.join(__dirname, "libs/testing/src/production-tables-stand-in.ts"),
  },
};
