import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { GlobalIndexSpec } from "@dynamodb-platform/platform";

/**
 * Basis of the estimate: a new on-demand table starts with a warm throughput of 4,000 write units
 * per second (AWS DynamoDB Developer Guide, "Understanding DynamoDB warm throughput in different
 * scenarios"), and a backfill writes every item into the index at one write unit per started KB
 * of what is projected. AWS names no backfill rate: the build also depends on live writes and on
 * how evenly the index keys spread (AWS Knowledge Center, "create-gsi-dynamodb"), and DynamoDB
 * updates ItemCount and TableSizeBytes only about every six hours.
 */
const BACKFILL_WRITE_UNITS_PER_SECOND = 4000;
const KB = 1024;

function duration(seconds: number): string {
  if (seconds < 60) return "under a minute";
  if (seconds < 2 * 3600) return `about ${Math.ceil(seconds / 60)} minutes`;
  return `about ${Math.ceil(seconds / 3600)} hours`;
}

/** A rough, labelled estimate of how long building `index` on the live table takes. */
export function backfillEstimate(table: TableDescription, index: Pick<GlobalIndexSpec, "projection">): string {
  const items = table.ItemCount ?? 0;
  const bytes = table.TableSizeBytes ?? 0;
  const averageItemBytes = items > 0 ? bytes / items : 0;
  // KEYS_ONLY projects the keys alone: one write unit per item.
  const unitsPerItem = index.projection === "ALL" ? Math.max(1, Math.ceil(averageItemBytes / KB)) : 1;
  const seconds = (items * unitsPerItem) / BACKFILL_WRITE_UNITS_PER_SECOND;
  return (
    `estimate: ${duration(seconds)} to backfill ` +
    `(${items} items x ${unitsPerItem} write unit(s) at ${BACKFILL_WRITE_UNITS_PER_SECOND} write units/s, ` +
    "the warm write throughput of a new on-demand table; live writes and uneven keys make it longer)"
  );
}
