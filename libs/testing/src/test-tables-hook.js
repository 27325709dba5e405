// Preloaded (NODE_OPTIONS --require, set in jest.global-setup.js) into every Node process a test starts, so a
// command run as a user would (npm start, nx targets) uses the tests' tables as jest.preset.js's
// moduleNameMapper does in-process: the specs module's production list is replaced by TEST_TABLES.
const Module = require("node:module");
const path = require("node:path");

const standIn = path.join(__dirname, "production-tables-stand-in.ts");
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === "./production-tables" ? standIn : request, ...rest);
};
