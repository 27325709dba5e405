import * as path from "node:path";
import { qualify, readEnvironmentSuffix, readStackFiles, type ConfigSource } from "@dynamodb-platform/platform";
import { PRODUCTION_TABLES, readDataLossAccepted, type DataLossAccepted } from "@dynamodb-platform/platform";

/** The data stack's folder: this file is libs/replacement-guard/src/guard-context.ts. */
const DATA_STACK_DIR = path.resolve(__dirname, "../../../stacks/data");

/** What the guard needs of the stack: how its tables are named and what the operator accepted. */
export interface GuardContext {
  readonly stack: string;
  readonly project: string;
  /** The stack file the acknowledgements live in, as the operator would open it. */
  readonly stackFile: string;
  readonly environmentSuffix: string;
  readonly accepted: DataLossAccepted;
}

/** Reads the data stack's Pulumi.<stack>.yaml with the stack's own readers (same named errors). */
export function readGuardContext(stack: string, stackDir = DATA_STACK_DIR): GuardContext {
  const files = readStackFiles(stackDir, stack);
  const source: ConfigSource = {
    project: files.project,
    get: (key) => files.config[qualify(files.project, key)],
  };
  return {
    stack,
    project: files.project,
    stackFile: path.relative(process.cwd(), path.join(stackDir, `Pulumi.${stack}.yaml`)) || `Pulumi.${stack}.yaml`,
    environmentSuffix: readEnvironmentSuffix(source),
    accepted: readDataLossAccepted(source, PRODUCTION_TABLES.map((spec) => spec.key)),
  };
}
