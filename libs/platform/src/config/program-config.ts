import * as pulumi from "@pulumi/pulumi";
import { engineConfig, qualify, type ConfigSource } from "./config-source";
import { refuseUnknownKeys, stackFileKeys, type StackConfigKeys } from "./declared-keys";
import { ENVIRONMENT_KEYS, readStackFiles } from "./stack-files";

/**
 * The configuration of a running stack program. The engine passes what the stack's own file
 * holds; the environment's file (`stacks/environments/<stack>.yaml`), which the engine does not
 * know, is read here. Every key the engine passes must be one the stack declares, so a
 * misspelt key stops the run, naming its file and the nearest valid key, before any resource.
 * The language host runs a program in its project's folder (pulumi/pulumi pkg/engine/project.go,
 * getPwdMain: the working directory is the project root when `main` is a file), hence the default.
 */
export function pulumiConfigSource(declared: StackConfigKeys, stackDir = process.cwd()): ConfigSource {
  const engine = engineConfig();
  const files = readStackFiles(stackDir, pulumi.getStack());
  const valid = [...stackFileKeys(engine.project, declared), ...ENVIRONMENT_KEYS.map((key) => qualify(engine.project, key))];
  refuseUnknownKeys([...new Set([...engine.keys, ...Object.keys(files.config)])], valid, (key) => files.origin[key] ?? files.stackFile);
  const fromEnvironmentFile = (key: string): string | undefined => {
    const qualified = qualify(engine.project, key);
    return files.environmentFile !== undefined && files.origin[qualified] === files.environmentFile ? files.config[qualified] : undefined;
  };
  return {
    project: engine.project,
    // The engine holds the stack file's values (decrypted secrets included); the environment's file only the shared keys.
    get: (key) => engine.get(key) ?? fromEnvironmentFile(key),
    providerRegion: () => engine.get("aws:region") ?? process.env["AWS_REGION"] ?? process.env["AWS_DEFAULT_REGION"],
  };
}
