// Node's default depth for stack traces (jest raises it to 100): @pulumi/pulumi captures a stack for
// every promise it makes (runtime/debuggable.js debuggablePromise, 3.276.0), each one mapped
// through jest's source maps frame by frame; a failing assertion still shows its own frames.
Error.stackTraceLimit = 10;

// Those per-promise stacks are read only by the SDK's promise-leak report at process exit, which
// jest never reaches; formatting them through jest's source maps was a third of a stack test's CPU.
// Every other error of this realm is formatted as before, by the formatter Node would call (jest's).
const outerError = require("node:vm").runInThisContext("Error");
Error.prepareStackTrace = (error, frames) => {
  if (frames[0]?.getFunctionName() === "debuggablePromise") return "";
  return typeof outerError.prepareStackTrace === "function" ? outerError.prepareStackTrace(error, frames) : [String(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
};
