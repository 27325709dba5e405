import type { ServedStack } from "../served-stacks";
import { kmsKeyArns, tableArns, type Account } from "./arns";
import { allow, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import { listStateBucket, readState, writeOwnState, type StateBucket } from "./state";

/**
 * The tables by their physical names and their settings: create, update (billing, SSE, streams,
 * GSIs), PITR, contributor insights (table-level only: the specs name no index), tags, delete (the
 * stacks are destroyable). The provider reads TTL on every refresh. Using the AWS managed key
 * aws/dynamodb needs no KMS grant in the caller's policy: its key policy admits principals using it
 * through DynamoDB. Each action is a row of src/calls/call-table.ts.
 */
const DATA_TABLE_ACTIONS = [
  "dynamodb:CreateTable",
  "dynamodb:UpdateTable",
  "dynamodb:DeleteTable",
  "dynamodb:DescribeTable",
  "dynamodb:DescribeContinuousBackups",
  "dynamodb:UpdateContinuousBackups",
  "dynamodb:DescribeTimeToLive",
  "dynamodb:ListTagsOfResource",
  "dynamodb:TagResource",
  "dynamodb:UntagResource",
  "dynamodb:DescribeContributorInsights",
  "dynamodb:UpdateContributorInsights",
];
/**
 * The provider's table read looks up the AWS managed key by its alias (clearSSEDefaultKey →
 * kms.FindDefaultKeyARNForService: DescribeKey "alias/aws/dynamodb"); denied, it keeps the key ARN
 * in state and the next preview differs. The key ARN is unknown beforehand, so any key of the
 * account, but only when the request names that alias (kms:RequestAlias, AWS KMS Developer Guide,
 * "kms:RequestAlias"). DescribeKey returns metadata only.
 */
const AWS_DYNAMODB_KEY_ALIAS = "alias/aws/dynamodb";

/**
 * DynamoDB creates this service-linked role the first time contributor insights is enabled
 * (Amazon DynamoDB Developer Guide, "Using IAM with CloudWatch contributor insights for DynamoDB").
 */
const INSIGHTS_SERVICE = "contributorinsights.dynamodb.amazonaws.com";

export function dataDeployPolicy(account: Account, bucket: StateBucket, served: readonly ServedStack[]): PolicyDocument {
  const tables = served.flatMap((s) => tableArns(account, s));
  return policyDocument([
    allow("ManageTables", DATA_TABLE_ACTIONS, tables),
    allow("DescribeDynamoDbManagedKey", ["kms:DescribeKey"], kmsKeyArns(account, served), { StringEquals: { "kms:RequestAlias": AWS_DYNAMODB_KEY_ALIAS } }),
    allow(
      "CreateInsightsServiceLinkedRole",
      ["iam:CreateServiceLinkedRole"],
      [`arn:${account.partition}:iam::${account.accountId}:role/aws-service-role/${INSIGHTS_SERVICE}/AWSServiceRoleForDynamoDBCloudWatchContributorInsights`],
      { StringEquals: { "iam:AWSServiceName": INSIGHTS_SERVICE } },
    ),
    listStateBucket(bucket),
    readState(bucket, ["data"], [], served.map((s) => s.stack)),
    ...writeOwnState(bucket, "data", served.map((s) => s.stack)),
  ]);
}
