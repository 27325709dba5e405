import type * as pulumi from "@pulumi/pulumi";
import { tagEveryResource } from "@dynamodb-platform/tags";
import type { DataStackOutputs } from "@dynamodb-platform/data-contract";
import { DynamoTables } from "./components/dynamodb-tables";
import { readDataStackConfig } from "./config";
import { PRODUCTION_TABLES, type TableSpec } from "@dynamodb-platform/table-specs";

export type DataStackExports = { [K in keyof DataStackOutputs]: pulumi.Output<DataStackOutputs[K]> };

/** The data stack: reads and validates config, then builds the given tables (by default production's). */
export function dataProgram(specs: readonly TableSpec[] = PRODUCTION_TABLES): Promise<DataStackExports> {
  const config = readDataStackConfig();
  tagEveryResource(config.tags);
  const tables = new DynamoTables("tables", {
    specs,
    environmentSuffix: config.environmentSuffix,
    adoptExistingTables: config.adoptExistingTables,
  });
  return Promise.resolve({
    tableNames: tables.tableNames,
    tableArns: tables.tableArns,
    streamArns: tables.streamArns,
  });
}
