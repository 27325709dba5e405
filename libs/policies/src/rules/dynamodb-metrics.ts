import { DYNAMODB_NAMESPACE } from "@dynamodb-platform/platform";
/**
 * Which metrics DynamoDB publishes to CloudWatch, and with which exact dimension sets.
 *
 * A CloudWatch metric is identified by its namespace, name and its complete set of dimensions: a
 * graph or alarm on a set DynamoDB never publishes (SystemErrors by TableName alone, UserErrors per
 * TableName) is accepted by CloudWatch and stays empty forever. Source: AWS DynamoDB Developer
 * Guide, "DynamoDB Metrics and dimensions"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html).
 * A metric AWS adds later belongs here with its dimension sets.
 */
export { DYNAMODB_NAMESPACE };

const TABLE = ["TableName"];
const TABLE_OR_INDEX = [TABLE, ["GlobalSecondaryIndexName", "TableName"]];
const PER_OPERATION = [["Operation", "TableName"]];
const STREAM_READS = [["Operation", "StreamLabel", "TableName"]];
const REPLICA = [["ReceivingRegion", "TableName"]];
const ACCOUNT = [[] as string[]];

/** Metric name → every dimension set (names sorted) DynamoDB publishes it with. */
const PUBLISHED: Readonly<Record<string, readonly (readonly string[])[]>> = {
  ConditionalCheckFailedRequests: [TABLE],
  ConsumedReadCapacityUnits: TABLE_OR_INDEX,
  ConsumedWriteCapacityUnits: TABLE_OR_INDEX,
  OnlineIndexConsumedWriteCapacity: [["GlobalSecondaryIndexName", "TableName"]],
  OnlineIndexPercentageProgress: [["GlobalSecondaryIndexName", "TableName"]],
  OnlineIndexThrottleEvents: [["GlobalSecondaryIndexName", "TableName"]],
  PendingReplicationCount: REPLICA,
  ProvisionedReadCapacityUnits: TABLE_OR_INDEX,
  ProvisionedWriteCapacityUnits: TABLE_OR_INDEX,
  ReadThrottleEvents: TABLE_OR_INDEX,
  ReplicationLatency: REPLICA,
  ReturnedBytes: STREAM_READS,
  ReturnedItemCount: PER_OPERATION,
  ReturnedRecordsCount: STREAM_READS,
  SuccessfulRequestLatency: PER_OPERATION,
  SystemErrors: PER_OPERATION,
  ThrottledRequests: PER_OPERATION,
  TimeToLiveDeletedItemCount: [TABLE],
  // "UserErrors represents the aggregate of HTTP 400 errors ... for the current region and the
  // current AWS account": no dimensions at all.
  UserErrors: ACCOUNT,
  WriteThrottleEvents: TABLE_OR_INDEX,
};

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().every((name, i) => name === [...b].sort()[i]);
}

/** Whether DynamoDB publishes `metricName` with exactly these dimension names. */
export function isPublishedDynamoDbMetric(metricName: string, dimensionNames: readonly string[]): boolean {
  return (PUBLISHED[metricName] ?? []).some((set) => sameSet(set, dimensionNames));
}

/** The dimension sets DynamoDB publishes `metricName` with; empty for an unknown metric. */
export function publishedDimensionSets(metricName: string): readonly (readonly string[])[] {
  return PUBLISHED[metricName] ?? [];
}

/** `Operation + TableName`, or `no dimensions`: one dimension set as the policies' messages name it. */
export function describeDimensionSet(dimensionNames: readonly string[]): string {
  return dimensionNames.length === 0 ? "no dimensions" : dimensionNames.join(" + ");
}

/** Every dimension set DynamoDB publishes `metricName` with, as `A + B, or by C`; empty for an unknown metric. */
export function describePublishedSets(metricName: string): string {
  return publishedDimensionSets(metricName).map(describeDimensionSet).join(", or by ");
}
