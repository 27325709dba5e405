import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  type ContinuousBackupsDescription,
  type DescribeContributorInsightsCommandOutput,
  type DynamoDBClient,
  type TableDescription,
  type Tag,
  type TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import { awsCall, describeAwsError, isNotFound } from "@dynamodb-platform/live-account";

/** What the five read-only DynamoDB calls say about one table. */
export interface LiveTableState {
  readonly table: TableDescription;
  readonly continuousBackups: ContinuousBackupsDescription | undefined;
  readonly contributorInsights: Pick<DescribeContributorInsightsCommandOutput, "ContributorInsightsStatus" | "ContributorInsightsMode">;
  readonly timeToLive: TimeToLiveDescription | undefined;
  readonly tags: readonly Tag[];
}

/** Reads a table; `undefined` when it does not exist. Any other AWS error is a one-line LiveAccountError. */
export async function readLiveTable(dynamodb: DynamoDBClient, tableName: string): Promise<LiveTableState | undefined> {
  let table: TableDescription | undefined;
  try {
    table = (await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw describeAwsError(error, `DescribeTable ${tableName}`);
  }
  if (!table) return undefined;
  const call = <T>(name: string, send: () => Promise<T>) => awsCall(`${name} ${tableName}`, send);
  const [backups, insights, ttl] = await Promise.all([
    call("DescribeContinuousBackups", () => dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: tableName }))),
    call("DescribeContributorInsights", () => dynamodb.send(new DescribeContributorInsightsCommand({ TableName: tableName }))),
    call("DescribeTimeToLive", () => dynamodb.send(new DescribeTimeToLiveCommand({ TableName: tableName }))),
  ]);
  const tags: Tag[] = [];
  let nextToken: string | undefined;
  do {
    const page = await call("ListTagsOfResource", () =>
      dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn, NextToken: nextToken })),
    );
    tags.push(...(page.Tags ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return {
    table,
    continuousBackups: backups.ContinuousBackupsDescription,
    contributorInsights: insights,
    timeToLive: ttl.TimeToLiveDescription,
    tags,
  };
}
