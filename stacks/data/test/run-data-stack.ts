import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { cloudResources, resourcesOfType, runProgram, type ProgramRun, type RegisteredResource } from "@dynamodb-platform/program-runner";
import { dataProgram } from "../src/program";
import type { TableSpec } from "@dynamodb-platform/table-specs";

export const STACKS = ["dev", "prod"] as const;
export const TABLE = "aws:dynamodb/table:Table";
export const CONTRIBUTOR_INSIGHTS = "aws:dynamodb/contributorInsights:ContributorInsights";

/** The resource options the engine would receive with each resource, by `type::name`. */
export interface RecordedOptions {
  readonly ignoreChanges?: readonly string[];
  readonly customTimeouts?: pulumi.CustomTimeouts;
  readonly import?: string;
}

export interface DataStackRun extends ProgramRun {
  readonly options: ReadonlyMap<string, RecordedOptions>;
}

export async function runDataStack(
  stack: string,
  configOverrides: Record<string, string | undefined> = {},
  specs?: readonly TableSpec[],
): Promise<DataStackRun> {
  const options = new Map<string, RecordedOptions>();
  const run = await runProgram({
    stackDir: path.join(__dirname, ".."),
    stack,
    program: () => {
      // A stack transformation sees every resource's options as the SDK sends them to the engine.
      pulumi.runtime.registerStackTransformation((args) => {
        const opts = args.opts as pulumi.CustomResourceOptions;
        options.set(`${args.type}::${args.name}`, {
          ignoreChanges: opts.ignoreChanges,
          customTimeouts: opts.customTimeouts,
          import: opts.import,
        });
        return undefined;
      });
      return dataProgram(specs);
    },
    configOverrides,
  });
  return { ...run, options };
}

export function optionsOf(run: DataStackRun, resource: RegisteredResource): RecordedOptions {
  return run.options.get(`${resource.type}::${resource.name}`) ?? {};
}

/** Tables by logical key (`events`, ...), told apart by their physical name's prefix. */
export function tablesByKey(run: ProgramRun): Record<string, RegisteredResource> {
  return Object.fromEntries(
    resourcesOfType(run, TABLE).map((table) => [String(table.inputs["name"]).split("-")[0], table]),
  );
}

export { cloudResources, resourcesOfType };
