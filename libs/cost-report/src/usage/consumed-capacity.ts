import { DYNAMODB_NAMESPACE } from "@dynamodb-platform/stack-config";
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from "@aws-sdk/client-cloudwatch";
import { awsCall } from "@dynamodb-platform/live-account";

export const HOUR_SECONDS = 3600;

/** The hours the report reads: whole hours ending at the last full hour before `now`. */
export interface UsageWindow {
  readonly start: Date;
  readonly end: Date;
  readonly hours: number;
}

export function usageWindow(now: Date, days: number): UsageWindow {
  const end = new Date(Math.floor(now.getTime() / (HOUR_SECONDS * 1000)) * HOUR_SECONDS * 1000);
  const hours = days * 24;
  return { start: new Date(end.getTime() - hours * HOUR_SECONDS * 1000), end, hours };
}

/** What was consumed by a table or one GSI over the window. */
export interface ConsumedUnits {
  readonly read: number;
  readonly write: number;
  /** Hours of the window with no datapoint for reads nor writes (counted as 0). */
  readonly hoursWithoutData: number;
}

function query(id: string, metricName: string, tableName: string, indexName: string | undefined): MetricDataQuery {
  const dimensions = [{ Name: "TableName", Value: tableName }];
  if (indexName !== undefined) dimensions.push({ Name: "GlobalSecondaryIndexName", Value: indexName });
  return {
    Id: id,
    MetricStat: { Metric: { Namespace: DYNAMODB_NAMESPACE, MetricName: metricName, Dimensions: dimensions }, Period: HOUR_SECONDS, Stat: "Sum" },
    ReturnData: true,
  };
}

/**
 * Hourly sums of ConsumedRead/WriteCapacityUnits of the table (dimension TableName) and of each
 * GSI (TableName + GlobalSecondaryIndexName), in one GetMetricData request followed through
 * NextToken. DynamoDB publishes these metrics only for minutes with non-zero values, so an hour
 * without a datapoint consumed nothing (DynamoDB Developer Guide, "DynamoDB Metrics and dimensions").
 */
export async function readConsumedUnits(
  client: CloudWatchClient,
  tableName: string,
  indexNames: readonly (string | undefined)[],
  window: UsageWindow,
): Promise<ConsumedUnits[]> {
  const queries = indexNames.flatMap((indexName, i) => [
    query(`r${i}`, "ConsumedReadCapacityUnits", tableName, indexName),
    query(`w${i}`, "ConsumedWriteCapacityUnits", tableName, indexName),
  ]);
  const sums = new Map<string, number>();
  const hoursWithData = new Map<number, Set<number>>();
  let nextToken: string | undefined;
  do {
    const page = await awsCall(`GetMetricData ${tableName}`, () =>
      client.send(
        new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: window.start, EndTime: window.end, NextToken: nextToken }),
      ),
    );
    for (const result of page.MetricDataResults ?? []) {
      const id = result.Id ?? "";
      const values = result.Values ?? [];
      sums.set(id, (sums.get(id) ?? 0) + values.reduce((total, value) => total + value, 0));
      const holder = Number(id.slice(1));
      const seen = hoursWithData.get(holder) ?? new Set<number>();
      (result.Timestamps ?? []).forEach((timestamp) => seen.add(new Date(timestamp).getTime()));
      hoursWithData.set(holder, seen);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return indexNames.map((_, i) => ({
    read: sums.get(`r${i}`) ?? 0,
    write: sums.get(`w${i}`) ?? 0,
    hoursWithoutData: window.hours - (hoursWithData.get(i)?.size ?? 0),
  }));
}
