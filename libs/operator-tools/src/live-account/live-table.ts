import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  type ContinuousBackupsDescription,
  type DescribeContributorInsightsOutput,
  type DynamoDBClient,
  type TableDescription,
  type TimeToLiveDescription,
} from "@aws-sdk/client-dynamodb";
import type { KMSClient } from "@aws-sdk/client-kms";
import { describeKeyManager, type KeyManagerAnswer } from "./kms-key-manager";
import { LiveAccountError, awsCall, describeAwsError, isNotFound } from "./live-account-error";
import { tableKmsKeyArn } from "./table-kms-key";

/** The clients the table reader needs. */
export interface LiveTableClients {
  readonly dynamodb: DynamoDBClient;
  readonly kms: KMSClient;
}

/** Everything the read-only calls return about one live table, as AWS returns it. */
export interface LiveTableState {
  readonly table: TableDescription;
  readonly continuousBackups?: ContinuousBackupsDescription;
  readonly timeToLive?: TimeToLiveDescription;
  readonly contributorInsights: Pick<DescribeContributorInsightsOutput, "ContributorInsightsStatus" | "ContributorInsightsMode">;
  /** Every tag of the table, all pages of ListTagsOfResource. */
  readonly tags: Readonly<Record<string, string>>;
  /** KMS DescribeKey on the table's SSE key when the table is on a KMS key: who manages it, or denied. */
  readonly kmsKeyManager?: KeyManagerAnswer;
}

/**
 * DescribeTable answered ResourceNotFoundException. A LiveAccountError (one line naming the table
 * and region), so a tool that cannot go on lets runCli print it; a tool that reports a missing
 * table as a finding catches this class.
 */
export class TableNotFoundError extends LiveAccountError {
  constructor(
    message: string,
    readonly tableName: string,
  ) {
    super(message);
    this.name = "TableNotFoundError";
  }
}

/** DescribeTable; the call is named with the table and the region, the first thing an operator checks. */
export async function describeLiveTable(dynamodb: DynamoDBClient, name: string): Promise<TableDescription> {
  const call = `DescribeTable ${name} (${await dynamodb.config.region()})`;
  let table: TableDescription | undefined;
  try {
    table = (await dynamodb.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (isNotFound(error)) throw new TableNotFoundError(describeAwsError(error, call).message, name);
    throw describeAwsError(error, call);
  }
  if (!table?.TableArn) throw new LiveAccountError(`${call}: the response has no table description`);
  return table;
}

/**
 * ListTagsOfResource has no SDK paginator: follow NextToken by hand (DynamoDB API reference,
 * ListTagsOfResource: "NextToken ... to fetch the next page of tags").
 */
async function listTags(dynamodb: DynamoDBClient, name: string, arn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await awsCall(`ListTagsOfResource ${name}`, () => dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: token })));
    for (const tag of page.Tags ?? []) {
      if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? "";
    }
    token = page.NextToken;
  } while (token);
  return tags;
}

/**
 * Reads one table with read-only calls only: DescribeTable, DescribeContinuousBackups,
 * DescribeTimeToLive, DescribeContributorInsights, ListTagsOfResource (every page) and, for a
 * table on a KMS key, kms:DescribeKey on that key. Any AWS failure is a one-line LiveAccountError
 * naming the call; a missing table is a TableNotFoundError; a denied DescribeKey is an answer.
 */
export async function readLiveTable(clients: LiveTableClients, name: string): Promise<LiveTableState> {
  const { dynamodb, kms } = clients;
  const table = await describeLiveTable(dynamodb, name);
  const keyArn = tableKmsKeyArn(table);
  const [backups, timeToLive, insights, tags, kmsKeyManager] = await Promise.all([
    awsCall(`DescribeContinuousBackups ${name}`, () => dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: name }))),
    awsCall(`DescribeTimeToLive ${name}`, () => dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }))),
    awsCall(`DescribeContributorInsights ${name}`, () => dynamodb.send(new DescribeContributorInsightsCommand({ TableName: name }))),
    listTags(dynamodb, name, table.TableArn ?? name),
    keyArn ? describeKeyManager(kms, keyArn) : Promise.resolve(undefined),
  ]);
  return {
    table,
    continuousBackups: backups.ContinuousBackupsDescription,
    timeToLive: timeToLive.TimeToLiveDescription,
    contributorInsights: {
      ContributorInsightsStatus: insights.ContributorInsightsStatus,
      ContributorInsightsMode: insights.ContributorInsightsMode,
    },
    tags,
    kmsKeyManager,
  };
}
