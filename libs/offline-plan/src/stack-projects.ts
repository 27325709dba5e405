import * as fs from "node:fs";
import * as path from "node:path";
import { DATA_PROJECT } from "@dynamodb-platform/platform";
import type { StackProgram } from "@dynamodb-platform/program-runner";
import { parse } from "yaml";

export interface StackProject {
  readonly project: string;
  readonly dir: string;
}

/** Every Pulumi project under `stacks/`, the data project first: the others read its outputs. */
export function discoverStackProjects(stacksDir: string): StackProject[] {
  const projects = fs
    .readdirSync(stacksDir)
    .map((entry) => path.join(stacksDir, entry))
    .filter((dir) => fs.existsSync(path.join(dir, "Pulumi.yaml")))
    .map((dir) => {
      const { name } = parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name: string };
      return { project: name, dir };
    });
  const rank = (project: StackProject) => (project.project === DATA_PROJECT ? 0 : 1);
  return projects.sort((a, b) => rank(a) - rank(b) || a.project.localeCompare(b.project));
}

/**
 * The program the Pulumi CLI would run: the module named by the stack's package.json `main`
 * (its index.ts exports the program function).
 */
export function loadStackProgram(dir: string): StackProgram {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path, as the Pulumi language host does
  const loaded: unknown = require(dir);
  if (typeof loaded !== "function") {
    throw new Error(`${dir}: its entry point does not export the stack's program function`);
  }
  return loaded as StackProgram;
}

/** Stops early, naming what exists, when a project has no `Pulumi.<stack>.yaml`. */
export function requireStackFiles(projects: readonly StackProject[], stack: string): void {
  for (const project of projects) {
    if (!fs.existsSync(path.join(project.dir, `Pulumi.${stack}.yaml`))) {
      const existing = fs
        .readdirSync(project.dir)
        .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
        .filter((name): name is string => name !== undefined);
      throw new Error(`${project.project} has no Pulumi.${stack}.yaml; its stacks are: ${existing.sort().join(", ")}`);
    }
  }
}
