import {
  DescribeContinuousBackupsCommand,
  DescribeContributorInsightsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  type ContributorInsightsMode,
  type DescribeContinuousBackupsCommandOutput,
  type DescribeContributorInsightsCommandOutput,
  type DescribeTimeToLiveCommandOutput,
  type DynamoDBClient,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";
import { DescribeKeyCommand, type DescribeKeyCommandOutput, type KMSClient, type KeyManagerType } from "@aws-sdk/client-kms";
import type { AwsClientStub } from "aws-sdk-client-mock";

/**
 * Recorded answers to the read-only calls of live-account's `readLiveTable` (DescribeTable,
 * DescribeContinuousBackups, DescribeTimeToLive, DescribeContributorInsights, ListTagsOfResource,
 * kms:DescribeKey), in the shapes the DynamoDB and KMS API references document. One model of a
 * live table for every tool's test world; each world keeps its own account and what it breaks.
 */
export interface RecordedTable {
  description: TableDescription;
  /** Point-in-time recovery on, with this window in days; absent: off. */
  pitrDays?: number;
  /** Time to live on this attribute; absent: off. */
  ttlAttribute?: string;
  /** Contributor insights running in this mode; absent: off. */
  insightsMode?: ContributorInsightsMode;
  /** The table's tags; absent: none. */
  tags?: Record<string, string>;
}

export interface RecordedAccount {
  /** The live table of that name; undefined: DescribeTable answers ResourceNotFoundException. */
  table(name: string): RecordedTable | undefined;
  /** Who manages the key; "access-denied": DescribeKey is denied to the caller; undefined: the key does not exist. */
  keyManager(keyArn: string): KeyManagerType | "access-denied" | undefined;
}

const ACCOUNT = "123456789012";

/** An AWS SDK v3 service error as the client throws it: the exception name and the HTTP status. */
export function awsError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

export function pitrResponse(days?: number): DescribeContinuousBackupsCommandOutput {
  return {
    $metadata: {},
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: "ENABLED",
      PointInTimeRecoveryDescription:
        days === undefined
          ? { PointInTimeRecoveryStatus: "DISABLED" }
          : {
              PointInTimeRecoveryStatus: "ENABLED",
              RecoveryPeriodInDays: days,
              EarliestRestorableDateTime: new Date("2024-04-01T00:00:00.000Z"),
              LatestRestorableDateTime: new Date("2024-05-06T00:00:00.000Z"),
            },
    },
  };
}

function ttlResponse(attribute?: string): DescribeTimeToLiveCommandOutput {
  return {
    $metadata: {},
    TimeToLiveDescription: attribute ? { TimeToLiveStatus: "ENABLED", AttributeName: attribute } : { TimeToLiveStatus: "DISABLED" },
  };
}

function insightsResponse(table: string, mode?: ContributorInsightsMode): DescribeContributorInsightsCommandOutput {
  return mode
    ? {
        $metadata: {},
        TableName: table,
        ContributorInsightsRuleList: [`DynamoDBContributorInsights-PKC-${table}-1620000000000`],
        ContributorInsightsStatus: "ENABLED",
        ContributorInsightsMode: mode,
        LastUpdateDateTime: new Date("2024-01-01T00:00:00.000Z"),
      }
    : { $metadata: {}, TableName: table, ContributorInsightsStatus: "DISABLED" };
}

/** KMS DescribeKey for a symmetric encryption key, AWS managed (aws/dynamodb) or customer managed. */
function describeKeyResponse(arn: string, manager: KeyManagerType): DescribeKeyCommandOutput {
  return {
    $metadata: {},
    KeyMetadata: {
      AWSAccountId: arn.split(":")[4] ?? ACCOUNT,
      KeyId: arn.split("/").pop() ?? arn,
      Arn: arn,
      CreationDate: new Date("2021-03-04T05:06:07.000Z"),
      Enabled: true,
      Description: manager === "AWS" ? "Default key that protects my DynamoDB data when no other key is defined" : "analytics data key",
      KeyUsage: "ENCRYPT_DECRYPT",
      KeyState: "Enabled",
      Origin: "AWS_KMS",
      KeyManager: manager,
      KeySpec: "SYMMETRIC_DEFAULT",
      EncryptionAlgorithms: ["SYMMETRIC_DEFAULT"],
      MultiRegion: false,
    },
  };
}

/**
 * Programs the DynamoDB and KMS mocks to answer every call of `readLiveTable` from `account`,
 * read at call time, so a test may change the account after this. A missing table is
 * ResourceNotFoundException, an unknown key NotFoundException, a denied key AccessDeniedException,
 * as the services name them.
 */
export function serveRecordedTables(dynamodb: AwsClientStub<DynamoDBClient>, kms: AwsClientStub<KMSClient>, account: RecordedAccount): void {
  const live = (name: string | undefined): RecordedTable => {
    const table = account.table(name ?? "");
    if (!table) throw awsError("ResourceNotFoundException", `Requested resource not found: Table: ${name} not found`);
    return table;
  };
  dynamodb.on(DescribeTableCommand).callsFake((input: { TableName?: string }) => ({ Table: live(input.TableName).description }));
  dynamodb.on(DescribeContinuousBackupsCommand).callsFake((input: { TableName?: string }) => pitrResponse(live(input.TableName).pitrDays));
  dynamodb.on(DescribeTimeToLiveCommand).callsFake((input: { TableName?: string }) => ttlResponse(live(input.TableName).ttlAttribute));
  dynamodb
    .on(DescribeContributorInsightsCommand)
    .callsFake((input: { TableName?: string }) => insightsResponse(input.TableName ?? "", live(input.TableName).insightsMode));
  dynamodb.on(ListTagsOfResourceCommand).callsFake((input: { ResourceArn?: string }) => ({
    Tags: Object.entries(live(input.ResourceArn?.split("/").pop()).tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
  }));
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId?: string }) => {
    const keyArn = input.KeyId ?? "";
    const manager = account.keyManager(keyArn);
    if (manager === "access-denied") {
      throw awsError("AccessDeniedException", `User: arn:aws:sts::${ACCOUNT}:assumed-role/dynamodb-platform-preview/ci is not authorized to perform: kms:DescribeKey on resource: ${keyArn}`);
    }
    if (!manager) throw awsError("NotFoundException", `Key '${keyArn}' does not exist`);
    return describeKeyResponse(keyArn, manager);
  });
}
