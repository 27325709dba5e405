import * as fs from "node:fs";
import * as path from "node:path";
import { sortedResources } from "@dynamodb-platform/program-runner";
import type { PlannedStack } from "./plan-stacks";

/** One JSON file per project: `<dir>/<project>.json`, stable for review and diffing. */
export function writePlanJson(dir: string, planned: readonly PlannedStack[]): string[] {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return planned.map((entry) => {
    const file = path.join(dir, `${entry.project}.json`);
    const { project, stack, config, resources, outputs } = entry.run;
    fs.writeFileSync(file, `${JSON.stringify({ project, stack, config, resources: sortedResources(resources), outputs }, null, 2)}\n`);
    return file;
  });
}
