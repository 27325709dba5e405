import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  type DynamoDBClient,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import type { KMSClient } from "@aws-sdk/client-kms";
import { paginateListEventSourceMappings, type EventSourceMappingConfiguration, type LambdaClient } from "@aws-sdk/client-lambda";
import { LiveAccountError, awsCall, describeKeyManager, type KeyManagerAnswer } from "@dynamodb-platform/live-account";
import type { LiveTableState } from "./live-state";
import { tableKmsKeyArn } from "./table-kms-key";

export interface LiveClients {
  readonly dynamodb: DynamoDBClient;
  readonly lambda: LambdaClient;
  readonly kms: KMSClient;
}

/** DescribeTable; a missing table is one line naming the table and the region. */
export async function describeLiveTable(dynamodb: DynamoDBClient, name: string): Promise<TableDescription> {
  const region = await dynamodb.config.region();
  const { Table } = await awsCall(`DescribeTable ${name} (${region})`, () => dynamodb.send(new DescribeTableCommand({ TableName: name })));
  if (!Table?.TableArn) {
    throw new LiveAccountError(`DescribeTable ${name} (${region}): the response has no table description`);
  }
  return Table;
}

async function listTags(dynamodb: DynamoDBClient, name: string, arn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await awsCall(`ListTagsOfResource ${name}`, () =>
      dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: token })),
    );
    for (const tag of page.Tags ?? []) {
      if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? "";
    }
    token = page.NextToken;
  } while (token);
  return tags;
}

/** The Lambda event source mappings reading one stream (ListEventSourceMappings by EventSourceArn). */
async function listStreamConsumers(lambda: LambdaClient, streamArn: string): Promise<EventSourceMappingConfiguration[]> {
  return awsCall(`ListEventSourceMappings ${streamArn}`, async () => {
    const mappings: EventSourceMappingConfiguration[] = [];
    for await (const page of paginateListEventSourceMappings({ client: lambda }, { EventSourceArn: streamArn })) {
      mappings.push(...(page.EventSourceMappings ?? []));
    }
    return mappings;
  });
}

/** Reads one table with read-only calls only; any AWS failure is a one-line LiveAccountError. */
export async function readLiveTable(clients: LiveClients, name: string): Promise<LiveTableState> {
  const { dynamodb, lambda, kms } = clients;
  const table = await describeLiveTable(dynamodb, name);
  const tableArn = table.TableArn ?? name;
  const keyArn = tableKmsKeyArn(table);
  const [backups, timeToLive, insights, tags, kmsKeyManager] = await Promise.all([
    awsCall(`DescribeContinuousBackups ${name}`, () => dynamodb.send(new DescribeContinuousBackupsCommand({ TableName: name }))),
    awsCall(`DescribeTimeToLive ${name}`, () => dynamodb.send(new DescribeTimeToLiveCommand({ TableName: name }))),
    awsCall(`DescribeContributorInsights ${name}`, () => dynamodb.send(new DescribeContributorInsightsCommand({ TableName: name }))),
    listTags(dynamodb, name, tableArn),
    keyArn ? describeKeyManager(kms, keyArn) : Promise.resolve<KeyManagerAnswer | undefined>(undefined),
  ]);
  const streamArn = table.StreamSpecification?.StreamEnabled ? table.LatestStreamArn : undefined;
  return {
    table,
    continuousBackups: backups.ContinuousBackupsDescription,
    timeToLive: timeToLive.TimeToLiveDescription,
    contributorInsights: {
      ContributorInsightsStatus: insights.ContributorInsightsStatus,
      ContributorInsightsMode: insights.ContributorInsightsMode,
    },
    tags,
    streamConsumers: streamArn ? await listStreamConsumers(lambda, streamArn) : [],
    kmsKeyManager,
  };
}
