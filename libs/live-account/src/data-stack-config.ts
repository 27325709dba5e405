import { qualify, readStackFiles, type ConfigSource } from "@dynamodb-platform/stack-config";
import { WORKSPACE_ROOT, stackDir } from "./stack-context";

/**
 * The data stack's configuration as `pulumi up` would see it, read from
 * `stacks/data/Pulumi.<stack>.yaml`, for tools that must read the same keys the stack reads
 * (tags, acknowledgements) with the stack's own readers and named errors.
 */
export function dataStackConfigSource(stack: string, root = WORKSPACE_ROOT): ConfigSource {
  const files = readStackFiles(stackDir("data", root), stack);
  return { project: files.project, get: (key) => files.config[qualify(files.project, key)] };
}
