import { qualify, readStackFiles, type ConfigSource } from "@dynamodb-platform/stack-config";
import { WORKSPACE_ROOT, stackDir, type StackFolder } from "./stack-context";

/**
 * A stack's configuration as `pulumi up` would see it, read from
 * `stacks/<folder>/Pulumi.<stack>.yaml`, for tools that must read the same keys the stack reads
 * with the stack's own readers and named errors.
 */
export function stackConfigSource(folder: StackFolder, stack: string, root = WORKSPACE_ROOT): ConfigSource {
  const files = readStackFiles(stackDir(folder, root), stack);
  return { project: files.project, get: (key) => files.config[qualify(files.project, key)] };
}

/** The data stack's configuration (tags, acknowledgements). */
export function dataStackConfigSource(stack: string, root = WORKSPACE_ROOT): ConfigSource {
  return stackConfigSource("data", stack, root);
}
