import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { LiveTable } from "@dynamodb-platform/live-account";
import type { TableSpec } from "@dynamodb-platform/table-specs";
import { readConsumedUnits, type ConsumedUnits, type UsageWindow } from "./consumed-capacity";
import { describeTableCapacity, type BillingMode, type CapacityHolder } from "./describe-table";

export type CapacityUsage = CapacityHolder & { readonly consumed: ConsumedUnits };

/** Everything the estimate needs about one table, read from the live account. */
export interface TableUsage {
  readonly spec: TableSpec;
  readonly physicalName: string;
  readonly billingMode: BillingMode;
  readonly table: CapacityUsage;
  readonly indexes: readonly CapacityUsage[];
  /** GSIs the spec declares that the live table does not have yet: their traffic is not measured. */
  readonly indexesNotYetCreated: readonly string[];
}

export async function readTableUsage(
  clients: { readonly dynamodb: DynamoDBClient; readonly cloudwatch: CloudWatchClient },
  live: LiveTable,
  window: UsageWindow,
): Promise<TableUsage> {
  const shape = await describeTableCapacity(clients.dynamodb, live.physicalName);
  const holders = [shape.table, ...shape.indexes];
  // One ConsumedUnits per holder, in the same order.
  const consumed = await readConsumedUnits(clients.cloudwatch, live.physicalName, holders.map((holder) => holder.indexName), window);
  const withConsumed = (holder: CapacityHolder, i: number): CapacityUsage => ({ ...holder, consumed: consumed[i] });
  const liveIndexNames = new Set(shape.indexes.map((index) => index.indexName));
  return {
    spec: live.spec,
    physicalName: live.physicalName,
    billingMode: shape.billingMode,
    table: withConsumed(shape.table, 0),
    indexes: shape.indexes.map((index, i) => withConsumed(index, i + 1)),
    indexesNotYetCreated: (live.spec.globalSecondaryIndexes ?? []).map((index) => index.name).filter((name) => !liveIndexNames.has(name)),
  };
}
