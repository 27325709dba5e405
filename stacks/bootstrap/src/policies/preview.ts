import { PIPELINE_STACKS } from "@dynamodb-platform/platform";
import type { ServedStack } from "../served-stacks";
import { accessRoleArns, alarmArns, dashboardArn, kmsKeyArns, tableArns, topicArn, type Account } from "./arns";
import { allow, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import { listStateBucket, readState, type StateBucket } from "./state";
import { DESCRIBE_ALARMS } from "./monitoring-deploy";

/**
 * Read-only. `pulumi preview` diffs the program against the state and reads cloud resources only
 * to import them (the data stack's adoption: the table, its PITR, TTL, tags and the aws/dynamodb
 * key's ARN, by alias); the nightly drift check's `preview --refresh` reads every resource as a
 * refresh does (tags, subscriptions, attached policies included); `npm run verify`
 * reads the tables, alarms, topic and roles and asks IAM's simulator about the six access roles.
 * Every statement names this platform's resources; nothing is writable, not even the state lock,
 * which a preview does not take.
 */
const PREVIEW_TABLE_READS = [
  "dynamodb:DescribeTable",
  "dynamodb:DescribeContinuousBackups",
  "dynamodb:DescribeContributorInsights",
  "dynamodb:DescribeTimeToLive",
  "dynamodb:ListTagsOfResource",
];
/** verify asks DescribeAlarms by name without AlarmTypes: authorized only on "*" (see monitoring-deploy.ts). */
const PREVIEW_ALARM_READS = ["cloudwatch:DescribeAlarmHistory", "cloudwatch:ListTagsForResource"];
const PREVIEW_DASHBOARD_READS = ["cloudwatch:GetDashboard"];
const PREVIEW_TOPIC_READS = ["sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic", "sns:ListTagsForResource", "sns:GetSubscriptionAttributes"];
const PREVIEW_ROLE_READS = ["iam:GetRole", "iam:ListRolePolicies", "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:SimulatePrincipalPolicy"];
/**
 * `npm run verify` and the adoption report read a table's KMS key with
 * DescribeKey: KeyMetadata.KeyManager tells the AWS managed key from a customer managed one. The
 * key ARN is only known from the live table, so every key of this account in the tables' region.
 * DescribeKey returns metadata only; it can neither use nor change a key. Keys whose policy does not
 * delegate to IAM (a customer managed key policy may not) still refuse it: verify then says so.
 */
const PREVIEW_KEY_READS = ["kms:DescribeKey"];

export function previewPolicy(account: Account, bucket: StateBucket, served: readonly ServedStack[]): PolicyDocument {
  return policyDocument([
    allow("ReadTables", PREVIEW_TABLE_READS, served.flatMap((s) => tableArns(account, s))),
    allow("DescribeAlarms", [DESCRIBE_ALARMS], ["*"]),
    allow("ReadAlarmHistory", PREVIEW_ALARM_READS, served.flatMap((s) => alarmArns(account, s))),
    allow("ReadDashboard", PREVIEW_DASHBOARD_READS, served.map((s) => dashboardArn(account, s))),
    allow("ReadAlarmTopic", PREVIEW_TOPIC_READS, served.map((s) => topicArn(account, s))),
    allow("ReadAndSimulateAccessRoles", PREVIEW_ROLE_READS, served.flatMap((s) => accessRoleArns(account, s))),
    allow("DescribeKeysOfThisAccount", PREVIEW_KEY_READS, kmsKeyArns(account, served)),
    listStateBucket(bucket),
    readState(bucket, PIPELINE_STACKS, [], served.map((s) => s.stack)),
  ]);
}
