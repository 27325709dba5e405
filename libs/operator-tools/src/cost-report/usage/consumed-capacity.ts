import { DYNAMODB_NAMESPACE } from "@dynamodb-platform/platform";
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult, type MessageData } from "@aws-sdk/client-cloudwatch";
import { awsCall } from "../../live-account";

const HOUR_SECONDS = 3600;

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

/** The consumed units of each holder, and why they are not the whole window's when they are not. */
export interface ConsumedReading {
  readonly units: readonly ConsumedUnits[];
  /** One line per problem; empty when every series came back Complete. */
  readonly incomplete: readonly string[];
}

/** How often and how patiently a result with StatusCode InternalError is asked again. */
export interface RetryPolicy {
  readonly attempts: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

function query(id: string, metricName: string, tableName: string, indexName: string | undefined): MetricDataQuery {
  const dimensions = [{ Name: "TableName", Value: tableName }];
  if (indexName !== undefined) dimensions.push({ Name: "GlobalSecondaryIndexName", Value: indexName });
  return {
    Id: id,
    MetricStat: { Metric: { Namespace: DYNAMODB_NAMESPACE, MetricName: metricName, Dimensions: dimensions }, Period: HOUR_SECONDS, Stat: "Sum" },
    ReturnData: true,
  };
}

const messages = (list: readonly MessageData[] | undefined) => (list ?? []).map((m) => [m.Code, m.Value].filter(Boolean).join(": ")).filter(Boolean);

interface Pass {
  readonly results: Map<string, MetricDataResult[]>;
  readonly topMessages: string[];
}

/** Every page of one GetMetricData request, followed through NextToken. */
async function readAllPages(client: CloudWatchClient, tableName: string, queries: readonly MetricDataQuery[], window: UsageWindow): Promise<Pass> {
  const results = new Map<string, MetricDataResult[]>();
  const topMessages: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall(`GetMetricData ${tableName}`, () =>
      client.send(new GetMetricDataCommand({ MetricDataQueries: [...queries], StartTime: window.start, EndTime: window.end, NextToken: nextToken })),
    );
    topMessages.push(...messages(page.Messages));
    for (const result of page.MetricDataResults ?? []) {
      const id = result.Id ?? "";
      results.set(id, [...(results.get(id) ?? []), result]);
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return { results, topMessages };
}

/**
 * Reads each result's StatusCode (CloudWatch API reference, MetricDataResult: Complete |
 * InternalError | PartialData | Forbidden). PartialData with a NextToken is followed (more pages);
 * PartialData on the last page, Forbidden, or a query with no result is incomplete data.
 * InternalError: "An internal error occurred. Retry your request" (GetMetricData, MetricDataResult
 * StatusCode): the whole read is asked again with exponential backoff, then reported.
 */
function problems(pass: Pass, queries: readonly MetricDataQuery[]): { retryable: boolean; lines: string[] } {
  const lines: string[] = [];
  let retryable = false;
  for (const { Id: id, MetricStat } of queries) {
    const pages = pass.results.get(id ?? "") ?? [];
    const name = `${MetricStat?.Metric?.MetricName ?? id}${MetricStat?.Metric?.Dimensions?.[1] ? ` (${MetricStat.Metric.Dimensions[1].Value})` : ""}`;
    if (pages.length === 0) {
      lines.push(`${name}: no result in the answer`);
      continue;
    }
    const failed = pages.filter((page) => page.StatusCode === "InternalError" || page.StatusCode === "Forbidden");
    for (const page of failed) {
      if (page.StatusCode === "InternalError") retryable = true;
      lines.push(`${name}: ${page.StatusCode}${messages(page.Messages).length ? ` (${messages(page.Messages).join("; ")})` : ""}`);
    }
    const last = pages[pages.length - 1];
    if (last.StatusCode === "PartialData") lines.push(`${name}: PartialData on the last page (no NextToken to follow)`);
    else if (last.StatusCode !== "Complete" && last.StatusCode !== "InternalError" && last.StatusCode !== "Forbidden") lines.push(`${name}: status ${last.StatusCode ?? "(none)"}`);
  }
  if (lines.length > 0 && pass.topMessages.length > 0) lines.push(`GetMetricData said: ${pass.topMessages.join("; ")}`);
  return { retryable, lines: [...new Set(lines)] };
}

/**
 * Hourly sums of ConsumedRead/WriteCapacityUnits of the table (dimension TableName) and of each
 * GSI (TableName + GlobalSecondaryIndexName), in one GetMetricData request followed through
 * NextToken. DynamoDB publishes these metrics only for minutes with non-zero values, so an hour
 * without a datapoint consumed nothing (DynamoDB Developer Guide, "DynamoDB Metrics and dimensions").
 * Every result's status is read: numbers from an incomplete read come with the reasons.
 */
export async function readConsumedUnits(
  client: CloudWatchClient,
  tableName: string,
  indexNames: readonly (string | undefined)[],
  window: UsageWindow,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<ConsumedReading> {
  const queries = indexNames.flatMap((indexName, i) => [
    query(`r${i}`, "ConsumedReadCapacityUnits", tableName, indexName),
    query(`w${i}`, "ConsumedWriteCapacityUnits", tableName, indexName),
  ]);
  let pass = await readAllPages(client, tableName, queries, window);
  let found = problems(pass, queries);
  for (let attempt = 1; found.retryable && attempt < retry.attempts; attempt++) {
    await retry.sleep(retry.baseDelayMs * 2 ** (attempt - 1));
    pass = await readAllPages(client, tableName, queries, window);
    found = problems(pass, queries);
  }
  const incomplete = found.retryable ? found.lines.map((line) => (line.includes("InternalError") ? `${line}, still after ${retry.attempts} attempts` : line)) : found.lines;
  const sums = new Map<string, number>();
  const hoursWithData = new Map<number, Set<number>>();
  for (const [id, pages] of pass.results) {
    const holder = Number(id.slice(1));
    const seen = hoursWithData.get(holder) ?? new Set<number>();
    for (const result of pages) {
      sums.set(id, (sums.get(id) ?? 0) + (result.Values ?? []).reduce((total, value) => total + value, 0));
      (result.Timestamps ?? []).forEach((timestamp) => seen.add(new Date(timestamp).getTime()));
    }
    hoursWithData.set(holder, seen);
  }
  return {
    units: indexNames.map((_, i) => ({
      read: sums.get(`r${i}`) ?? 0,
      write: sums.get(`w${i}`) ?? 0,
      hoursWithoutData: window.hours - (hoursWithData.get(i)?.size ?? 0),
    })),
    incomplete,
  };
}
