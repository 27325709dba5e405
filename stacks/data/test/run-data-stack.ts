import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { cloudResources, resourcesOfType, runProgram, type ProgramRun, type RegisteredResource } from "@dynamodb-platform/program-runner";
import { dataProgram } from "../src/program";
import type { TableSpec } from "@dynamodb-platform/platform";

export const STACKS = ["dev", "prod"] as const;
export const TABLE = "aws:dynamodb/table:Table";
export const CONTRIBUTOR_INSIGHTS = "aws:dynamodb/contributorInsights:ContributorInsights";

/** The resource options the engine would receive with a resource. */
export interface RecordedOptions {
  readonly ignoreChanges?: readonly string[];
  readonly customTimeouts?: pulumi.CustomTimeouts;
  readonly import?: string;
}

export type DataStackRun = ProgramRun;

export function runDataStack(
  stack: string,
  configOverrides: Record<string, string | undefined> = {},
  specs?: readonly TableSpec[],
): Promise<DataStackRun> {
  return runProgram({ stackDir: path.join(__dirname, ".."), stack, program: () => dataProgram(specs), configOverrides });
}

export function optionsOf(resource: RegisteredResource): RecordedOptions {
  return { ignoreChanges: resource.ignoreChanges, customTimeouts: resource.customTimeouts, import: resource.importId };
}

/** Tables by logical key (`events`, ...), told apart by their physical name's prefix. */
export function tablesByKey(run: ProgramRun): Record<string, RegisteredResource> {
  return Object.fromEntries(
    resourcesOfType(run, TABLE).map((table) => [String(table.inputs["name"]).split("-")[0], table]),
  );
}

export { cloudResources, resourcesOfType };
