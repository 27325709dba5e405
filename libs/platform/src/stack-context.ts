import * as path from "node:path";
import { ADOPT_EXISTING_TABLES_KEY } from "./data-contract";
import {
  qualify,
  readEnvironmentSuffix,
  readRegion,
  readStackFiles,
  requireBoolean,
  type ConfigSource,
} from "./config";
import { PRODUCTION_TABLES, physicalTableName, type TableSpec } from "./table-specs";

/** One table as a live-account tool sees it: its spec and its name in AWS for this stack. */
export interface LiveTable {
  readonly spec: TableSpec;
  readonly physicalName: string;
}

/** What a tool needs to know of a stack before it calls AWS, read from the data stack's files. */
export interface StackContext {
  readonly stack: string;
  readonly region: string;
  readonly environmentSuffix: string;
  readonly adoptExistingTables: boolean;
  readonly tables: readonly LiveTable[];
}

/** The workspace root: this file is libs/platform/src/stack-context.ts. */
export const WORKSPACE_ROOT = path.resolve(__dirname, "../../..");

export type StackFolder = "data" | "monitoring" | "access" | "bootstrap";

export function stackDir(project: StackFolder, root = WORKSPACE_ROOT): string {
  return path.join(root, "stacks", project);
}

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

/**
 * Reads `stacks/data/Pulumi.<stack>.yaml` with the data stack's own readers (so a bad value
 * fails with the same named error as `pulumi up`), and derives the physical table names from
 * the same specs and naming rule the data stack uses.
 */
export function readStackContext(stack: string, root = WORKSPACE_ROOT, specs: readonly TableSpec[] = PRODUCTION_TABLES): StackContext {
  const source = dataStackConfigSource(stack, root);
  const environmentSuffix = readEnvironmentSuffix(source);
  const adoptExistingTables = requireBoolean(source, ADOPT_EXISTING_TABLES_KEY);
  return {
    stack,
    region: readRegion(source),
    environmentSuffix,
    adoptExistingTables,
    tables: specs.map((spec) => ({ spec, physicalName: physicalTableName(spec, { environmentSuffix, adoptExistingTables }) })),
  };
}
