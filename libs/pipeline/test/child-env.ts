/**
 * The environment for a Node process a test starts, with Node's own source maps on: @swc-node/register
 * then leaves out source-map-support, which maps every frame of the stack Pulumi captures for each of
 * its promises (about a third of an offline plan's CPU). Stack traces still name the TypeScript lines.
 */
export function withNodeSourceMaps(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: [env["NODE_OPTIONS"], "--enable-source-maps"].filter(Boolean).join(" ") };
}
