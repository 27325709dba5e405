// Node's default depth for stack traces (jest raises it to 100): @pulumi/pulumi captures a stack for
// every promise it makes (runtime/debuggable.js debuggablePromise, 3.276.0), each one mapped
// through jest's source maps frame by frame; a failing assertion still shows its own frames.
Error.stackTraceLimit = 10;
