import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagEveryResource } from "@dynamodb-platform/tags";
import type { DataStackOutputs } from "@dynamodb-platform/platform";
import { DynamoTables } from "./components/dynamodb-tables";
import { readDataStackConfig } from "./config";
import { longOperationRefusal } from "./adoption/long-operations";
import { PRODUCTION_TABLES, type TableSpec } from "@dynamodb-platform/platform";

export type DataStackExports = { [K in keyof DataStackOutputs]: pulumi.Output<DataStackOutputs[K]> };

/** The data stack: reads and validates config, then builds the given tables (by default production's). */
export async function dataProgram(specs: readonly TableSpec[] = PRODUCTION_TABLES): Promise<DataStackExports> {
  const config = readDataStackConfig(specs);
  const adopting = config.adoptExistingTables && specs.some((spec) => spec.existsInProduction);
  const refusal = longOperationRefusal(pulumi.getStack(), adopting ? config.adoptionStep : undefined, process.env, pulumi.runtime.isDryRun());
  if (refusal !== undefined) throw new Error(refusal);
  tagEveryResource(config.tags);
  // An import id is a plain string fixed at registration, so the account id is awaited first,
  // and only when a contributor insights rule is adopted.
  const existingContributorInsights =
    config.existingContributorInsights.length > 0
      ? { tables: config.existingContributorInsights, accountId: (await aws.getCallerIdentity({})).accountId }
      : undefined;
  const tables = new DynamoTables("tables", {
    specs,
    environmentSuffix: config.environmentSuffix,
    adoptExistingTables: config.adoptExistingTables,
    adoptionStep: config.adoptionStep,
    existingContributorInsights,
  });
  return {
    tableNames: tables.tableNames,
    tableArns: tables.tableArns,
    streamArns: tables.streamArns,
    contributorInsightsModes: tables.contributorInsightsModes as pulumi.Output<DataStackOutputs["contributorInsightsModes"]>,
  };
}
