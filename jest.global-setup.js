const os = require("node:os");
const path = require("node:path");

/**
 * Node processes a test starts (npm start, nx targets) run with the tests' tables, as the tests do
 * in-process (moduleNameMapper): jest's global setup runs in jest's own process, whose environment
 * every worker and every child process inherits.
 */
module.exports = () => {
  // The processes tests start (Nx, npm start, the tools) share V8's compiled code, as npm test's own processes do (docs/testing.md).
  process.env.NODE_COMPILE_CACHE ??= path.join(os.tmpdir(), "dynamodb-platform-compile-cache");
  const hook = path.join(__dirname, "libs", "testing", "src", "test-tables-hook.js");
  const options = process.env.NODE_OPTIONS ?? "";
  if (!options.includes(hook)) process.env.NODE_OPTIONS = `${options} --require "${hook}"`.trim(); // quoted: a path may hold spaces
};
