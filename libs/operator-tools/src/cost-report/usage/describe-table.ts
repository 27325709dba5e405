import type { DynamoDBClient, TableDescription } from "@aws-sdk/client-dynamodb";
import { describeLiveTable } from "../../live-account";

export type BillingMode = "PROVISIONED" | "PAY_PER_REQUEST";

/** The capacity and size of a table or one of its GSIs, as DescribeTable reports them now. */
export interface CapacityHolder {
  /** undefined for the table itself, the GSI's name otherwise. */
  readonly indexName?: string;
  readonly provisionedRead: number;
  readonly provisionedWrite: number;
  readonly sizeBytes: number;
  readonly itemCount: number;
}

export interface LiveTableShape {
  readonly billingMode: BillingMode;
  readonly table: CapacityHolder;
  readonly indexes: readonly CapacityHolder[];
}

/**
 * A table that was never switched may have no BillingModeSummary: it is then provisioned
 * (DynamoDB API reference, BillingModeSummary: "You may need to switch to on-demand mode at least
 * once in order to return a BillingModeSummary response").
 */
function billingModeOf(table: TableDescription): BillingMode {
  return table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST" ? "PAY_PER_REQUEST" : "PROVISIONED";
}

/** The capacity and sizes of a live table, from live-account's DescribeTable (the same call and errors as the other tools). */
export async function describeTableCapacity(client: DynamoDBClient, tableName: string): Promise<LiveTableShape> {
  const table = await describeLiveTable(client, tableName);
  const billingMode = billingModeOf(table);
  // An on-demand table reports 0 provisioned units; a provisioned one is billed for what it shows.
  const capacity = (throughput: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) =>
    billingMode === "PROVISIONED"
      ? { provisionedRead: throughput?.ReadCapacityUnits ?? 0, provisionedWrite: throughput?.WriteCapacityUnits ?? 0 }
      : { provisionedRead: 0, provisionedWrite: 0 };
  return {
    billingMode,
    table: { ...capacity(table.ProvisionedThroughput), sizeBytes: table.TableSizeBytes ?? 0, itemCount: table.ItemCount ?? 0 },
    indexes: (table.GlobalSecondaryIndexes ?? []).map((index) => ({
      indexName: index.IndexName ?? "(unnamed)",
      ...capacity(index.ProvisionedThroughput),
      sizeBytes: index.IndexSizeBytes ?? 0,
      itemCount: index.ItemCount ?? 0,
    })),
  };
}
