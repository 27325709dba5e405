import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { mockClient } from "aws-sdk-client-mock";
import { LiveAccountError, TableNotFoundError, awsClientConfig, readLiveTable } from "../../src/live-account";

/*
 * Responses in the shapes the DynamoDB and KMS API references document (DescribeTable,
 * DescribeContinuousBackups, DescribeTimeToLive, DescribeContributorInsights, ListTagsOfResource,
 * DescribeKey), for a users table in ap-southeast-2 on the account's AWS managed key.
 */
const REGION = "ap-southeast-2";
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:123456789012:table/users`;
const KEY_ARN = `arn:aws:kms:${REGION}:123456789012:key/1111aaaa-22bb-33cc-44dd-555555eeeeee`;

const USERS: TableDescription = {
  TableName: "users",
  TableArn: TABLE_ARN,
  TableStatus: "ACTIVE",
  AttributeDefinitions: [{ AttributeName: "userId", AttributeType: "S" }],
  KeySchema: [{ AttributeName: "userId", KeyType: "HASH" }],
  BillingModeSummary: { BillingMode: "PAY_PER_REQUEST", LastUpdateToPayPerRequestDateTime: new Date("2023-01-01T00:00:00Z") },
  ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
  SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: KEY_ARN },
  ItemCount: 1200,
  TableSizeBytes: 480000,
};

const dynamodb = mockClient(DynamoDBClient);
const kms = mockClient(KMSClient);
const clients = () => ({ dynamodb: new DynamoDBClient(awsClientConfig(REGION)), kms: new KMSClient(awsClientConfig(REGION)) });

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

function serveUsers(table: TableDescription = USERS): void {
  dynamodb.on(DescribeTableCommand, { TableName: "users" }).resolves({ Table: table });
  dynamodb.on(DescribeContinuousBackupsCommand).resolves({
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: "ENABLED",
      PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED", RecoveryPeriodInDays: 35, EarliestRestorableDateTime: new Date("2024-04-01T00:00:00Z") },
    },
  });
  dynamodb.on(DescribeTimeToLiveCommand).resolves({ TimeToLiveDescription: { TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" } });
  dynamodb.on(DescribeContributorInsightsCommand).resolves({
    TableName: "users",
    ContributorInsightsRuleList: ["DynamoDBContributorInsights-PKC-users-1620000000000"],
    ContributorInsightsStatus: "ENABLED",
    ContributorInsightsMode: "THROTTLED_KEYS",
  });
  dynamodb.on(ListTagsOfResourceCommand).resolves({ Tags: [{ Key: "Team", Value: "analytics-platform" }] });
  kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: "1111aaaa-22bb-33cc-44dd-555555eeeeee", Arn: KEY_ARN, KeyManager: "AWS", KeyState: "Enabled" } });
}

beforeEach(() => {
  dynamodb.reset();
  kms.reset();
});

describe("one reader for a live table, shared by the adoption report and verify", () => {
  test("reads every read-only call's answer as AWS gave it, and asks KMS who manages the table's key", async () => {
    serveUsers();
    const live = await readLiveTable(clients(), "users");
    expect(live).toEqual({
      table: USERS,
      continuousBackups: expect.objectContaining({ PointInTimeRecoveryDescription: expect.objectContaining({ RecoveryPeriodInDays: 35 }) as unknown }) as unknown,
      timeToLive: { TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" },
      contributorInsights: { ContributorInsightsStatus: "ENABLED", ContributorInsightsMode: "THROTTLED_KEYS" },
      tags: { Team: "analytics-platform" },
      kmsKeyManager: "AWS",
    });
    expect(dynamodb.commandCalls(ListTagsOfResourceCommand).map((call) => call.args[0].input.ResourceArn)).toEqual([TABLE_ARN]);
    expect(kms.commandCalls(DescribeKeyCommand).map((call) => call.args[0].input)).toEqual([{ KeyId: KEY_ARN }]);
  });

  test("tags are read page by page, following NextToken", async () => {
    serveUsers();
    dynamodb
      .on(ListTagsOfResourceCommand)
      .resolvesOnce({ Tags: [{ Key: "Environment", Value: "production" }], NextToken: "page-2" })
      .resolves({ Tags: [{ Key: "backup", Value: "daily" }] });
    const live = await readLiveTable(clients(), "users");
    expect(live.tags).toEqual({ Environment: "production", backup: "daily" });
    expect(dynamodb.commandCalls(ListTagsOfResourceCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, "page-2"]);
  });

  test("a table on the AWS owned key (no SSEDescription) asks KMS nothing", async () => {
    serveUsers({ ...USERS, SSEDescription: undefined });
    const live = await readLiveTable(clients(), "users");
    expect(live.kmsKeyManager).toBeUndefined();
    expect(kms.commandCalls(DescribeKeyCommand)).toHaveLength(0);
  });

  test("a denied kms:DescribeKey is an answer, not a failure", async () => {
    serveUsers();
    kms.on(DescribeKeyCommand).rejects(awsError("AccessDeniedException", "not authorized to perform: kms:DescribeKey"));
    await expect(readLiveTable(clients(), "users")).resolves.toMatchObject({ kmsKeyManager: "access-denied" });
  });

  test("a missing table is a TableNotFoundError naming the table and the region, and nothing else is asked", async () => {
    dynamodb.on(DescribeTableCommand).rejects(awsError("ResourceNotFoundException", "Requested resource not found: Table: users not found"));
    const failure = await readLiveTable(clients(), "users").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TableNotFoundError);
    expect(failure).toMatchObject({
      tableName: "users",
      message: "DescribeTable users (ap-southeast-2): not found (Requested resource not found: Table: users not found).",
    });
    expect(dynamodb.calls()).toHaveLength(1);
  });

  test("access denied on DescribeTable is a one-line LiveAccountError, not a missing table", async () => {
    dynamodb.on(DescribeTableCommand).rejects(awsError("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/ops/x is not authorized to perform: dynamodb:DescribeTable", 403));
    const failure = await readLiveTable(clients(), "users").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect(failure).not.toBeInstanceOf(TableNotFoundError);
    expect((failure as Error).message).toMatch(/^DescribeTable users \(ap-southeast-2\): access denied \(User: .*dynamodb:DescribeTable\)\. Use a role allowed this read-only call\.$/);
  });

  test("access denied on a later call names that call", async () => {
    serveUsers();
    dynamodb.on(DescribeContributorInsightsCommand).rejects(awsError("AccessDeniedException", "not authorized to perform: dynamodb:DescribeContributorInsights", 403));
    await expect(readLiveTable(clients(), "users")).rejects.toThrow(/^DescribeContributorInsights users: access denied/);
  });
});

describe("a table whose key change is under way is still on its KMS key", () => {
  beforeEach(() => {
    dynamodb.reset();
    kms.reset();
  });

  // DescribeTable's SSEDescription.Status is ENABLING | ENABLED | DISABLING | DISABLED | UPDATING
  // (DynamoDB API reference, SSEDescription): while UPDATING the table still reads with its key.
  test.each(["UPDATING", "ENABLING"] as const)("SSE %s: KMS is asked who manages the key", async (status) => {
    serveUsers({ ...USERS, SSEDescription: { Status: status, SSEType: "KMS", KMSMasterKeyArn: KEY_ARN } });
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: "1111aaaa-22bb-33cc-44dd-555555eeeeee", KeyManager: "CUSTOMER" } });
    const live = await readLiveTable(clients(), "users");
    expect(live.kmsKeyManager).toBe("CUSTOMER");
    expect(kms.commandCalls(DescribeKeyCommand).map((call) => call.args[0].input)).toEqual([{ KeyId: KEY_ARN }]);
  });

  test("SSE DISABLED is the AWS owned key: no key to ask about", async () => {
    serveUsers({ ...USERS, SSEDescription: { Status: "DISABLED", SSEType: "KMS", KMSMasterKeyArn: KEY_ARN } });
    const live = await readLiveTable(clients(), "users");
    expect(live.kmsKeyManager).toBeUndefined();
    expect(kms.commandCalls(DescribeKeyCommand)).toEqual([]);
  });
});
