import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DeclaredTable } from "@dynamodb-platform/offline-plan";
import { readConsumedUnits, type ConsumedUnits, type RetryPolicy, type UsageWindow } from "./consumed-capacity";
import { describeTableCapacity, type BillingMode, type CapacityHolder } from "./describe-table";

export type CapacityUsage = CapacityHolder & { readonly consumed: ConsumedUnits };

/** Everything the estimate needs about one table, read from the live account. */
export interface TableUsage {
  /** The table as the data stack declares it. */
  readonly spec: DeclaredTable;
  readonly physicalName: string;
  readonly billingMode: BillingMode;
  readonly table: CapacityUsage;
  readonly indexes: readonly CapacityUsage[];
  /** GSIs the stack declares that the live table does not have yet: their traffic is not measured. */
  readonly indexesNotYetCreated: readonly string[];
  /** Why the consumed units are not the whole window's; empty when they are. */
  readonly incomplete: readonly string[];
}

export async function readTableUsage(
  clients: { readonly dynamodb: DynamoDBClient; readonly cloudwatch: CloudWatchClient },
  declared: DeclaredTable,
  window: UsageWindow,
  retry?: RetryPolicy,
): Promise<TableUsage> {
  const shape = await describeTableCapacity(clients.dynamodb, declared.physicalName);
  const holders = [shape.table, ...shape.indexes];
  // One ConsumedUnits per holder, in the same order.
  const consumed = await readConsumedUnits(clients.cloudwatch, declared.physicalName, holders.map((holder) => holder.indexName), window, retry);
  const withConsumed = (holder: CapacityHolder, i: number): CapacityUsage => ({ ...holder, consumed: consumed.units[i] });
  const liveIndexNames = new Set(shape.indexes.map((index) => index.indexName));
  return {
    spec: declared,
    physicalName: declared.physicalName,
    billingMode: shape.billingMode,
    table: withConsumed(shape.table, 0),
    indexes: shape.indexes.map((index, i) => withConsumed(index, i + 1)),
    indexesNotYetCreated: declared.globalSecondaryIndexes.map((index) => index.name).filter((name) => !liveIndexNames.has(name)),
    incomplete: consumed.incomplete,
  };
}
