import type { ServedStack } from "../served-stacks";
import { tableArns, type Account } from "./arns";
import { allow, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import { listStateBucket, readCheckpoints, writeOwnState, type StateBucket } from "./state";

/**
 * The tables by their physical names and their settings: create, update (billing, SSE, streams,
 * GSIs), PITR, contributor insights, tags, delete (the stacks are destroyable). The provider reads
 * TTL on every refresh. The AWS managed key aws/dynamodb needs no KMS grant in the caller's
 * policy: its key policy admits principals using it through DynamoDB.
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
const DATA_INDEX_ACTIONS = ["dynamodb:DescribeContributorInsights", "dynamodb:UpdateContributorInsights"];

/**
 * DynamoDB creates this service-linked role the first time contributor insights is enabled
 * (Amazon DynamoDB Developer Guide, "Using IAM with CloudWatch contributor insights for DynamoDB").
 */
const INSIGHTS_SERVICE = "contributorinsights.dynamodb.amazonaws.com";

export function dataDeployPolicy(account: Account, bucket: StateBucket, served: readonly ServedStack[]): PolicyDocument {
  const tables = served.flatMap((s) => tableArns(account, s));
  return policyDocument([
    allow("ManageTables", DATA_TABLE_ACTIONS, tables),
    allow("ManageIndexInsights", DATA_INDEX_ACTIONS, tables.map((table) => `${table}/index/*`)),
    allow(
      "CreateInsightsServiceLinkedRole",
      ["iam:CreateServiceLinkedRole"],
      [`arn:${account.partition}:iam::${account.accountId}:role/aws-service-role/${INSIGHTS_SERVICE}/AWSServiceRoleForDynamoDBCloudWatchContributorInsights`],
      { StringEquals: { "iam:AWSServiceName": INSIGHTS_SERVICE } },
    ),
    listStateBucket(bucket),
    readCheckpoints(bucket, ["data"], served.map((s) => s.stack)),
    writeOwnState(bucket, "data", served.map((s) => s.stack)),
  ]);
}
