import type { TableDescription } from "@aws-sdk/client-dynamodb";
import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";

/**
 * DescribeTable and Lambda ListEventSourceMappings responses in the shape the APIs return them, for
 * an account in ap-southeast-2; the other table reads are answered by libs/testing's
 * serveRecordedTables.
 */
export const ACCOUNT = "123456789012";
const REGION = "ap-southeast-2";
export const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;
export const streamArn = (name: string, label = "2024-05-01T00:00:00.000") => `${tableArn(name)}/stream/${label}`;
export const AWS_MANAGED_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`;
export const CUSTOMER_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/9999ffff-0000-1111-2222-333333333333`;

const CREATED = new Date("2021-03-04T05:06:07.000Z");

/** A table as the spec wants it after adoption: on-demand, AWS managed key, key `keyName` (S). */
export function onDemandTable(name: string, keyName: string, extra: Partial<TableDescription> = {}): TableDescription {
  return {
    TableName: name,
    TableArn: tableArn(name),
    TableId: `${name}-0000-1111-2222-333333333333`,
    TableStatus: "ACTIVE",
    CreationDateTime: CREATED,
    AttributeDefinitions: [{ AttributeName: keyName, AttributeType: "S" }],
    KeySchema: [{ AttributeName: keyName, KeyType: "HASH" }],
    BillingModeSummary: { BillingMode: "PAY_PER_REQUEST", LastUpdateToPayPerRequestDateTime: new Date("2023-01-01T00:00:00.000Z") },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: AWS_MANAGED_KEY_ARN },
    ItemCount: 1200,
    TableSizeBytes: 480000,
    DeletionProtectionEnabled: false,
    ...extra,
  };
}

/** Provisioned, as the production tables are before adoption (no BillingModeSummary: never on-demand). */
export function provisioned(table: TableDescription, read = 25, write = 10): TableDescription {
  return {
    ...table,
    BillingModeSummary: undefined,
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: read, WriteCapacityUnits: write },
  };
}

export const SESSIONS_INDEX = {
  IndexName: "userId-timestamp-index",
  IndexArn: `${tableArn("sessions")}/index/userId-timestamp-index`,
  IndexStatus: "ACTIVE",
  KeySchema: [
    { AttributeName: "userId", KeyType: "HASH" },
    { AttributeName: "timestamp", KeyType: "RANGE" },
  ],
  Projection: { ProjectionType: "ALL" },
  ItemCount: 1200,
  IndexSizeBytes: 480000,
} as const;

/** The three tables exactly as the specs want them. */
export function conformingTables(): Record<string, TableDescription> {
  return {
    events: onDemandTable("events", "eventId", {
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      LatestStreamArn: streamArn("events"),
      LatestStreamLabel: "2024-05-01T00:00:00.000",
    }),
    sessions: onDemandTable("sessions", "sessionId", {
      AttributeDefinitions: [
        { AttributeName: "sessionId", AttributeType: "S" },
        { AttributeName: "userId", AttributeType: "S" },
        { AttributeName: "timestamp", AttributeType: "N" },
      ],
      GlobalSecondaryIndexes: [{ ...SESSIONS_INDEX, KeySchema: [...SESSIONS_INDEX.KeySchema] }],
    }),
    users: onDemandTable("users", "userId"),
  };
}

export const PROD_TAGS = { Environment: "production", Team: "analytics-platform", CostCenter: "CC-4471" };

export function lambdaReader(functionName: string, stream: string): EventSourceMappingConfiguration {
  return {
    UUID: "a1b2c3d4-5678-90ab-cdef-11111EXAMPLE",
    EventSourceArn: stream,
    FunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${functionName}`,
    State: "Enabled",
    StartingPosition: "LATEST",
    BatchSize: 100,
  };
}
