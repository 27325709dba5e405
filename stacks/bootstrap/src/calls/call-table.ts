import type { PipelineStack } from "@dynamodb-platform/platform";

/**
 * What the Pulumi engine's DIY (S3) backend and the AWS provider really call, per operation, read
 * at their source (docs/decisions/engine-and-provider-calls.md). Every CI role is granted exactly
 * what its rows need (the bootstrap tests judge each role deny-by-default against this table), and
 * `npm run preflight` asks AWS's own policy simulator about every row.
 */

/** The Pulumi CLI the workflow installs (`pulumi-version` in .github/workflows/infra.yml; a test holds them equal). */
export const PULUMI_CLI_VERSION = "3.276.0";
/**
 * The provider source the AWS rows were read at: hashicorp/terraform-provider-aws v6 (the major
 * @pulumi/aws 7 bridges; @pulumi/aws 7.43.0 bridged v6.61.0, pulumi/pulumi-aws#6617, and 7.48.0 a later v6 release).
 */
const PROVIDER_SOURCE = "hashicorp/terraform-provider-aws v6 (bridged by @pulumi/aws 7.48.0)";

/** What a CI job runs: a Pulumi operation of one stack, or an operator tool. */
/** `drift` is the nightly `pulumi preview --refresh --expect-no-changes`: a refresh's reads, saved nowhere. */
export type Operation = "preview" | "up" | "refresh" | "destroy" | "drift" | "verify";

/** Who runs it: the read-only preview role, or the deploy role of one stack. */
export type Runner = "preview" | PipelineStack;

/** The resource a call names, resolved to ARNs for each served stack (resolve-calls.ts). */
export type Target =
  | { readonly kind: "state-bucket" }
  /** An object under `.pulumi/` of the backend, `{project}`/`{stack}` filled in per served stack. */
  | { readonly kind: "state-object"; readonly key: string }
  | { readonly kind: "table" }
  | { readonly kind: "alarm" }
  /** A call IAM authorizes only on `*` (e.g. DescribeAlarms without AlarmTypes): any alarm of the account. */
  | { readonly kind: "any-alarm" }
  | { readonly kind: "dashboard" }
  | { readonly kind: "topic" }
  | { readonly kind: "access-role" }
  /** The AWS managed key of DynamoDB, named by its alias (kms:RequestAlias). */
  | { readonly kind: "aws-dynamodb-key" }
  /** Any KMS key of the account in the tables' region (a table's key is only known from the live table). */
  | { readonly kind: "table-key" }
  | { readonly kind: "insights-service-linked-role" };

export interface Call {
  readonly operation: Operation;
  /** The stack whose operation makes the call (its resources and state). */
  readonly stack: PipelineStack;
  readonly action: string;
  readonly target: Target;
  /** Request context the real call carries (condition keys). */
  readonly context?: Readonly<Record<string, string>>;
  /** repository, file, function (and version) the row was read at. */
  readonly source: string;
}

/** Who runs each operation (libs/platform/src/deploy-identities: previews and verify read-only, the rest as the stack's deploy role). */
export function runnerOf(call: Pick<Call, "operation" | "stack">): Runner {
  return call.operation === "preview" || call.operation === "drift" || call.operation === "verify" ? "preview" : call.stack;
}

const DIY = `pulumi/pulumi pkg/backend/diy (read at v3.260.0; pinned CLI ${PULUMI_CLI_VERSION})`;
const TABLE_GO = `${PROVIDER_SOURCE} internal/service/dynamodb/table.go`;
const INSIGHTS_GO = `${PROVIDER_SOURCE} internal/service/dynamodb/contributor_insights.go`;
const ALARM_GO = `${PROVIDER_SOURCE} internal/service/cloudwatch/metric_alarm.go`;
const DASHBOARD_GO = `${PROVIDER_SOURCE} internal/service/cloudwatch/dashboard.go`;
const TOPIC_GO = `${PROVIDER_SOURCE} internal/service/sns/topic.go, topic_policy.go, topic_subscription.go`;
const ROLE_GO = `${PROVIDER_SOURCE} internal/service/iam/role.go, role_policy.go`;

const CHECKPOINT = "stacks/{project}/{stack}.json";
const TAGS = "stacks/{project}/{stack}.pulumi-tags";

const OPERATIONS: readonly Operation[] = ["preview", "up", "refresh", "destroy", "drift"];
const WRITING: readonly Operation[] = ["up", "refresh", "destroy"];

type Row = Omit<Call, "operation" | "stack">;
const rows = (operations: readonly Operation[], stacks: readonly PipelineStack[], calls: readonly Row[]): Call[] =>
  operations.flatMap((operation) => stacks.flatMap((stack) => calls.map((call) => ({ operation, stack, ...call }))));

const ALL: readonly PipelineStack[] = ["data", "monitoring", "access"];

/** The DIY backend: what every operation of every stack reads and writes in the state bucket. */
const BACKEND: Call[] = [
  ...rows(OPERATIONS, ALL, [
    { action: "s3:GetObject", target: { kind: "state-object", key: "meta.yaml" }, source: `${DIY}/meta.go ensurePulumiMeta → readPulumiMeta` },
    // Without ListBucket, S3 answers a missing object with 403, not 404, and NotFound is what the backend tolerates.
    { action: "s3:ListBucket", target: { kind: "state-bucket" }, source: `${DIY}/store.go, bucket.go (Exists/List of the stack's objects); lock.go checkForLock` },
    { action: "s3:GetObject", target: { kind: "state-object", key: CHECKPOINT }, source: `${DIY}/state.go getTarget → GetStack → stack.Snapshot (getCheckpoint)` },
    // Since 3.211 (pulumi/pulumi#19882): any error but NotFound stops the operation before it starts.
    { action: "s3:GetObject", target: { kind: "state-object", key: TAGS }, source: `${DIY}/state.go getTarget → stack_tags.go loadStackTags` },
  ]),
  ...rows(WRITING, ALL, [
    { action: "s3:PutObject", target: { kind: "state-object", key: "locks/organization/{project}/{stack}/lock-id.json" }, source: `${DIY}/lock.go Lock (lockPath)` },
    { action: "s3:DeleteObject", target: { kind: "state-object", key: "locks/organization/{project}/{stack}/lock-id.json" }, source: `${DIY}/lock.go Unlock` },
    { action: "s3:PutObject", target: { kind: "state-object", key: CHECKPOINT }, source: `${DIY}/state.go saveCheckpoint` },
    { action: "s3:PutObject", target: { kind: "state-object", key: `${CHECKPOINT}.bak` }, source: `${DIY}/state.go saveCheckpoint → backupTarget` },
    { action: "s3:PutObject", target: { kind: "state-object", key: "history/{project}/{stack}/{stack}-1.history.json" }, source: `${DIY}/state.go addToHistory` },
    { action: "s3:PutObject", target: { kind: "state-object", key: "history/{project}/{stack}/{stack}-1.checkpoint.json" }, source: `${DIY}/state.go addToHistory` },
    { action: "s3:PutObject", target: { kind: "state-object", key: "backups/{project}/{stack}/{stack}.1.json" }, source: `${DIY}/state.go backupStack` },
  ]),
  // A StackReference to the data stack reads only its checkpoint (state.go getCheckpoint of the referenced stack).
  ...rows(OPERATIONS, ["monitoring", "access"], [
    { action: "s3:GetObject", target: { kind: "state-object", key: "stacks/dynamodb-data/{stack}.json" }, source: `${DIY}/backend.go GetStack → stack.Snapshot (the StackReference's stack)` },
  ]),
];

const TABLE_READ: Row[] = [
  { action: "dynamodb:DescribeTable", target: { kind: "table" }, source: `${TABLE_GO} resourceTableRead → findTableByName` },
  { action: "dynamodb:DescribeContinuousBackups", target: { kind: "table" }, source: `${TABLE_GO} resourceTableRead → findPITRByTableName` },
  { action: "dynamodb:DescribeTimeToLive", target: { kind: "table" }, source: `${TABLE_GO} resourceTableRead → findTTLByTableName` },
  { action: "dynamodb:ListTagsOfResource", target: { kind: "table" }, source: `${TABLE_GO} resourceTableRead (transparent tagging: listTags)` },
  // Denied, the error is swallowed and state keeps the key ARN (clearSSEDefaultKey returns the list unchanged).
  {
    action: "kms:DescribeKey",
    target: { kind: "aws-dynamodb-key" },
    context: { "kms:RequestAlias": "alias/aws/dynamodb" },
    source: `${TABLE_GO} resourceTableRead → clearSSEDefaultKey → kms.FindDefaultKeyARNForService`,
  },
];
const INSIGHTS_READ: Row[] = [{ action: "dynamodb:DescribeContributorInsights", target: { kind: "table" }, source: `${INSIGHTS_GO} resourceContributorInsightsRead` }];

/** The data stack: the tables (imported in prod, created elsewhere) and contributor insights. */
const DATA: Call[] = [
  // A preview of an import reads the existing table; a preview of anything else diffs against state.
  ...rows(OPERATIONS, ["data"], [...TABLE_READ, ...INSIGHTS_READ]),
  ...rows(["up"], ["data"], [
    { action: "dynamodb:CreateTable", target: { kind: "table" }, source: `${TABLE_GO} resourceTableCreate` },
    // Tags given to CreateTable are authorized as TagResource too (DynamoDB Developer Guide, "Tagging resources": IAM for tags on create).
    { action: "dynamodb:TagResource", target: { kind: "table" }, source: `${TABLE_GO} resourceTableCreate (Tags in CreateTableInput); update: updateTags` },
    { action: "dynamodb:UntagResource", target: { kind: "table" }, source: `${TABLE_GO} resourceTableUpdate → updateTags` },
    { action: "dynamodb:UpdateTable", target: { kind: "table" }, source: `${TABLE_GO} resourceTableUpdate (billing, SSE, stream, GSIs; cycleStreamEnabled)` },
    { action: "dynamodb:UpdateContinuousBackups", target: { kind: "table" }, source: `${TABLE_GO} resourceTableCreate/Update → updatePITR` },
    { action: "dynamodb:UpdateContributorInsights", target: { kind: "table" }, source: `${INSIGHTS_GO} resourceContributorInsightsCreate` },
    {
      action: "iam:CreateServiceLinkedRole",
      target: { kind: "insights-service-linked-role" },
      context: { "iam:AWSServiceName": "contributorinsights.dynamodb.amazonaws.com" },
      source: "DynamoDB creates AWSServiceRoleForDynamoDBCloudWatchContributorInsights on first enable (DynamoDB Developer Guide, contributor insights IAM)",
    },
  ]),
  ...rows(["destroy"], ["data"], [
    { action: "dynamodb:DeleteTable", target: { kind: "table" }, source: `${TABLE_GO} resourceTableDelete` },
    { action: "dynamodb:UpdateContributorInsights", target: { kind: "table" }, source: `${INSIGHTS_GO} resourceContributorInsightsDelete (DISABLE)` },
  ]),
];

/** The monitoring stack: alarms, dashboard, topic, its policy and subscriptions. */
const MONITORING: Call[] = [
  // A refresh reads every resource, and so does the drift check's `preview --refresh`.
  ...rows(["refresh", "up", "destroy", "drift"], ["monitoring"], [
    // Named, AlarmTypes [MetricAlarm]. IAM lists the alarm resource for it, but a DescribeAlarms that
    // may return composite alarms is authorized only on "*" (API reference): a read, granted on "*".
    { action: "cloudwatch:DescribeAlarms", target: { kind: "any-alarm" }, source: `${ALARM_GO} resourceMetricAlarmRead → findMetricAlarmByName` },
    { action: "cloudwatch:ListTagsForResource", target: { kind: "alarm" }, source: `${ALARM_GO} (transparent tagging: listTags)` },
    { action: "cloudwatch:GetDashboard", target: { kind: "dashboard" }, source: `${DASHBOARD_GO} resourceDashboardRead` },
    { action: "sns:GetTopicAttributes", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicRead, resourceTopicPolicyRead` },
    { action: "sns:ListTagsForResource", target: { kind: "topic" }, source: `${TOPIC_GO} (transparent tagging: listTags)` },
    { action: "sns:GetSubscriptionAttributes", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicSubscriptionRead (authorized on the topic)` },
  ]),
  ...rows(["up"], ["monitoring"], [
    { action: "cloudwatch:PutMetricAlarm", target: { kind: "alarm" }, source: `${ALARM_GO} resourceMetricAlarmCreate/Update` },
    { action: "cloudwatch:TagResource", target: { kind: "alarm" }, source: `${ALARM_GO} (Tags in PutMetricAlarm; updateTags)` },
    { action: "cloudwatch:UntagResource", target: { kind: "alarm" }, source: `${ALARM_GO} updateTags` },
    { action: "cloudwatch:PutDashboard", target: { kind: "dashboard" }, source: `${DASHBOARD_GO} resourceDashboardPut` },
    { action: "sns:CreateTopic", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicCreate` },
    { action: "sns:SetTopicAttributes", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicUpdate, resourceTopicPolicyUpsert` },
    { action: "sns:TagResource", target: { kind: "topic" }, source: `${TOPIC_GO} (Tags in CreateTopic; updateTags)` },
    { action: "sns:UntagResource", target: { kind: "topic" }, source: `${TOPIC_GO} updateTags` },
    { action: "sns:Subscribe", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicSubscriptionCreate` },
    { action: "sns:SetSubscriptionAttributes", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicSubscriptionUpdate` },
    { action: "sns:ListSubscriptionsByTopic", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicSubscriptionCreate (pending confirmation lookup)` },
  ]),
  ...rows(["destroy"], ["monitoring"], [
    { action: "cloudwatch:DeleteAlarms", target: { kind: "alarm" }, source: `${ALARM_GO} resourceMetricAlarmDelete` },
    { action: "cloudwatch:DeleteDashboards", target: { kind: "dashboard" }, source: `${DASHBOARD_GO} resourceDashboardDelete` },
    { action: "sns:DeleteTopic", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicDelete` },
    { action: "sns:Unsubscribe", target: { kind: "topic" }, source: `${TOPIC_GO} resourceTopicSubscriptionDelete` },
  ]),
];

const BOUNDARY = { "iam:PermissionsBoundary": "{boundary}" };
/** The access stack: six roles, each with its inline policy, created inside the platform's boundary. */
const ACCESS: Call[] = [
  ...rows(["refresh", "up", "destroy", "drift"], ["access"], [
    { action: "iam:GetRole", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRoleRead → findRoleByName` },
    { action: "iam:GetRolePolicy", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRolePolicyRead` },
    { action: "iam:ListRolePolicies", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRoleRead (inline policy names)` },
    { action: "iam:ListAttachedRolePolicies", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRoleRead (managed policy ARNs)` },
  ]),
  ...rows(["up"], ["access"], [
    // CreateRole carries the boundary and the tags in one call.
    { action: "iam:CreateRole", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleCreate` },
    { action: "iam:TagRole", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRoleCreate (Tags in CreateRoleInput); roleUpdateTags` },
    { action: "iam:UntagRole", target: { kind: "access-role" }, source: `${ROLE_GO} roleUpdateTags` },
    { action: "iam:UpdateRole", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleUpdate (max session duration)` },
    { action: "iam:UpdateRoleDescription", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleUpdate (description)` },
    { action: "iam:UpdateAssumeRolePolicy", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleUpdate (assume_role_policy)` },
    { action: "iam:PutRolePermissionsBoundary", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleUpdate (permissions_boundary)` },
    { action: "iam:PutRolePolicy", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRolePolicyPut` },
  ]),
  ...rows(["destroy"], ["access"], [
    { action: "iam:ListInstanceProfilesForRole", target: { kind: "access-role" }, source: `${ROLE_GO} resourceRoleDelete → deleteRoleInstanceProfiles` },
    { action: "iam:DeleteRolePolicy", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRolePolicyDelete` },
    { action: "iam:DeleteRole", target: { kind: "access-role" }, context: BOUNDARY, source: `${ROLE_GO} resourceRoleDelete` },
  ]),
];

const VERIFY_SOURCE = "libs/operator-tools/src/verify (this repository)";
/** `npm run verify` after a deploy, as the preview role (one row per call it makes). */
const VERIFY: Call[] = [
  ...rows(["verify"], ["data"], [
    { action: "dynamodb:DescribeTable", target: { kind: "table" }, source: "libs/operator-tools/src/live-account live-table.ts describeLiveTable" },
    { action: "dynamodb:DescribeContinuousBackups", target: { kind: "table" }, source: "libs/operator-tools/src/live-account live-table.ts readLiveTable" },
    { action: "dynamodb:DescribeTimeToLive", target: { kind: "table" }, source: "libs/operator-tools/src/live-account live-table.ts readLiveTable" },
    { action: "dynamodb:DescribeContributorInsights", target: { kind: "table" }, source: "libs/operator-tools/src/live-account live-table.ts readLiveTable" },
    { action: "dynamodb:ListTagsOfResource", target: { kind: "table" }, source: "libs/operator-tools/src/live-account live-table.ts readLiveTable" },
    { action: "kms:DescribeKey", target: { kind: "table-key" }, source: "libs/operator-tools/src/live-account kms-key-manager.ts (the live table's key ARN)" },
  ]),
  ...rows(["verify"], ["monitoring"], [
    // AlarmNames without AlarmTypes may return composite alarms: authorized only on "*" (CloudWatch API reference, DescribeAlarms).
    { action: "cloudwatch:DescribeAlarms", target: { kind: "any-alarm" }, source: `${VERIFY_SOURCE} alarms/alarm-checks.ts paginateDescribeAlarms` },
    { action: "cloudwatch:DescribeAlarmHistory", target: { kind: "alarm" }, source: `${VERIFY_SOURCE} alarms/fire-test-alarm.ts` },
    { action: "cloudwatch:GetDashboard", target: { kind: "dashboard" }, source: `${VERIFY_SOURCE} alarms/dashboard-check.ts` },
    { action: "sns:GetTopicAttributes", target: { kind: "topic" }, source: `${VERIFY_SOURCE} alarms/topic-checks.ts` },
    { action: "sns:ListSubscriptionsByTopic", target: { kind: "topic" }, source: `${VERIFY_SOURCE} alarms/topic-checks.ts` },
  ]),
  ...rows(["verify"], ["access"], [
    { action: "iam:GetRole", target: { kind: "access-role" }, source: `${VERIFY_SOURCE} roles/role-checks.ts` },
    { action: "iam:ListRolePolicies", target: { kind: "access-role" }, source: `${VERIFY_SOURCE} roles/role-checks.ts` },
    { action: "iam:GetRolePolicy", target: { kind: "access-role" }, source: `${VERIFY_SOURCE} roles/role-checks.ts` },
    { action: "iam:SimulatePrincipalPolicy", target: { kind: "access-role" }, source: `${VERIFY_SOURCE} roles/aws-judge.ts` },
  ]),
];

/** Every call, for every stack and operation. */
export const CALL_TABLE: readonly Call[] = [...BACKEND, ...DATA, ...MONITORING, ...ACCESS, ...VERIFY];
