import * as fs from "node:fs";
import * as path from "node:path";
import { qualify } from "./config-source";
import { parse } from "yaml";

export interface StackFiles {
  readonly project: string;
  /** Fully qualified keys (`project:key`, `aws:region`) → the string the engine would pass. */
  readonly config: Record<string, string>;
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

/** Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` of a stack folder as the Pulumi CLI would. */
export function readStackFiles(stackDir: string, stack: string): StackFiles {
  const projectFile = readYaml(path.join(stackDir, "Pulumi.yaml"));
  const project = projectFile["name"];
  if (typeof project !== "string") {
    throw new StackFileError(`${path.join(stackDir, "Pulumi.yaml")} has no project name. Add 'name: <project>'`);
  }
  const stackFile = readYaml(path.join(stackDir, `Pulumi.${stack}.yaml`));
  const raw = (stackFile["config"] ?? {}) as Record<string, unknown>;
  const config = Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [qualify(project, key), asConfigString(value)]),
  );
  return { project, config };
}
