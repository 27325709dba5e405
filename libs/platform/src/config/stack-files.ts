import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { ConfigError } from "./config-error";
import { qualify, type ConfigSource } from "./config-source";
import { nearestKey } from "./declared-keys";

/**
 * The keys written once per environment, in `stacks/environments/<stack>.yaml`, because every
 * stack of that environment (data, monitoring, access and bootstrap) reads them: the region and
 * the mandatory tags' values. Why a file of its own and how the AWS provider still gets the
 * region: docs/decisions/environment-config.md.
 */
export const ENVIRONMENT_KEYS: readonly string[] = ["aws:region", "environment", "team", "costCenter"];

export interface StackFiles {
  readonly project: string;
  /** Fully qualified keys (`project:key`, `aws:region`) → the string the engine would pass. */
  readonly config: Record<string, string>;
  /** The stack's own file, `<stackDir>/Pulumi.<stack>.yaml`. */
  readonly stackFile: string;
  /** The environment's file, when the environment has one. */
  readonly environmentFile?: string;
  /** Fully qualified key → the file it is written in. */
  readonly origin: Record<string, string>;
}

/** A stack folder lacks a file the Pulumi CLI would need; the message names the file and the fix. */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

function readYaml(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) {
    throw new StackFileError(`${file} does not exist. Create it (pulumi stack init <stack>, then set its config) or choose an existing stack`);
  }
  const parsed: unknown = parse(fs.readFileSync(file, "utf8"));
  return (parsed ?? {}) as Record<string, unknown>;
}

/** The engine hands every config value to the program as a string; objects and lists as JSON. */
function asConfigString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `stacks/environments/<stack>.yaml` beside the stack folders: one file per environment (stack name). */
export function environmentFileOf(stackDir: string, stack: string): string {
  return path.join(stackDir, "..", "environments", `${stack}.yaml`);
}

function configSection(file: string): Record<string, unknown> {
  return (readYaml(file)["config"] ?? {}) as Record<string, unknown>;
}

/**
 * Reads `Pulumi.yaml`, `Pulumi.<stack>.yaml` and the environment's file as the stack's program
 * does: the environment's keys count as the stack's own (qualified with its project), and a key
 * may be written in only one of the two files.
 */
export function readStackFiles(stackDir: string, stack: string): StackFiles {
  const projectFile = readYaml(path.join(stackDir, "Pulumi.yaml"));
  const project = projectFile["name"];
  if (typeof project !== "string") {
    throw new StackFileError(`${path.join(stackDir, "Pulumi.yaml")} has no project name. Add 'name: <project>'`);
  }
  const stackFile = path.join(stackDir, `Pulumi.${stack}.yaml`);
  const own = configSection(stackFile);
  const config: Record<string, string> = {};
  const origin: Record<string, string> = {};
  for (const [key, value] of Object.entries(own)) {
    config[qualify(project, key)] = asConfigString(value);
    origin[qualify(project, key)] = stackFile;
  }
  const environmentFile = environmentFileOf(stackDir, stack);
  if (!fs.existsSync(environmentFile)) return { project, config, stackFile, origin };

  for (const [key, value] of Object.entries(configSection(environmentFile))) {
    if (!ENVIRONMENT_KEYS.includes(key)) {
      throw new ConfigError(
        key,
        `it is not a key of an environment (written in ${environmentFile})`,
        `Did you mean '${nearestKey(key, ENVIRONMENT_KEYS)}'? An environment's file holds only ${ENVIRONMENT_KEYS.join(", ")}`,
      );
    }
    const qualified = qualify(project, key);
    if (qualified in config) {
      throw new ConfigError(
        qualified,
        `it is written in ${stackFile} and in ${environmentFile}`,
        `Write it once: remove it from ${stackFile}, as every stack of the environment shares ${environmentFile}`,
      );
    }
    config[qualified] = asConfigString(value);
    origin[qualified] = environmentFile;
  }
  return { project, config, stackFile, environmentFile, origin };
}

/** The configuration a stack folder's files give, as a ConfigSource, with changes on top (`undefined` removes). */
export function fileConfigSource(stackDir: string, stack: string, changes: Readonly<Record<string, string | undefined>> = {}): ConfigSource {
  const files = readStackFiles(stackDir, stack);
  const config = { ...files.config };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete config[qualify(files.project, key)];
    else config[qualify(files.project, key)] = value;
  }
  return { project: files.project, get: (key) => config[qualify(files.project, key)] };
}
