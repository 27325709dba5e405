/**
 * What `require("typescript")` gives code under jest: the real compiler, loaded on first use.
 * @pulumi/pulumi requires it when loaded (runtime/closure/parseFunction.js, through
 * typescript-shim.js, @pulumi/pulumi 3.276.0) though only function serialization uses it, and
 * jest evaluates every module afresh in each test file: 9 MB of compiler per file, unused here.
 */
const path = require("node:path");

let compiler;
// The package's folder: a module id other than the bare "typescript" this file stands in for.
const load = () => (compiler ??= require(path.dirname(require.resolve("typescript/package.json"))));

module.exports = new Proxy(
  {},
  {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);
