import { CloudWatchClient, DescribeAlarmHistoryCommand, DescribeAlarmsCommand, GetDashboardCommand, SetAlarmStateCommand, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient, type TableDescription } from "@aws-sdk/client-dynamodb";
import { IAMClient, SimulatePrincipalPolicyCommand, type ContextEntry, type EvaluationResult } from "@aws-sdk/client-iam";
import { KMSClient, type KeyManagerType } from "@aws-sdk/client-kms";
import { GetTopicAttributesCommand, ListSubscriptionsByTopicCommand, SNSClient } from "@aws-sdk/client-sns";
import type { StackOutputsResult } from "../../src/live-account";
import { exampleOutputsForStack, serveRecordedTables, type RecordedTable } from "@dynamodb-platform/testing";
import { mockClient, type AwsClientStub } from "aws-sdk-client-mock";
import { accessStatements } from "@dynamodb-platform/access-policy";
import type { AccessKind } from "@dynamodb-platform/platform";

/**
 * A deployed dev environment as AWS describes it, in the shapes the AWS APIs return (field names
 * and values as in the DynamoDB, KMS, IAM, CloudWatch and SNS API references). The alarms, topic
 * policy and dashboard are what the monitoring stack declares (stacks/monitoring/src). Each test
 * breaks one part.
 */
export const ACCOUNT = "123456789012";
export const REGION = "ap-southeast-2";
export const AWS_MANAGED_DYNAMODB_KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b1c2d3e-aaaa-bbbb-cccc-111122223333`;
export const TOPIC = `arn:aws:sns:${REGION}:${ACCOUNT}:alarms-dynamodb-dev`;
const tableArn = (name: string) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${name}`;

const TAGS = { Environment: "development", Team: "analytics-platform", CostCenter: "CC-4471" };

function table(name: string, hashKey: string, extra: Partial<TableDescription> = {}): TableDescription {
  return {
    TableName: name,
    TableArn: tableArn(name),
    TableStatus: "ACTIVE",
    KeySchema: [{ AttributeName: hashKey, KeyType: "HASH" }],
    AttributeDefinitions: [{ AttributeName: hashKey, AttributeType: "S" }],
    BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
    ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
    SSEDescription: { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: AWS_MANAGED_DYNAMODB_KEY },
    DeletionProtectionEnabled: false,
    ...extra,
  };
}

/** One read and one write role per table; each allows what the deployed inline policy allows. */
export interface RolePolicy {
  readonly actions: string[];
  readonly resources: string[];
}

export function deployedEnvironment() {
  const tables: Record<string, RecordedTable> = {
    "events-dev": {
      description: table("events-dev", "eventId", {
        StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
        LatestStreamArn: `${tableArn("events-dev")}/stream/2026-01-01T00:00:00.000`,
      }),
      insightsMode: "ACCESSED_AND_THROTTLED_KEYS",
      tags: { ...TAGS },
    },
    "sessions-dev": {
      description: table("sessions-dev", "sessionId", {
        AttributeDefinitions: [
          { AttributeName: "sessionId", AttributeType: "S" },
          { AttributeName: "userId", AttributeType: "S" },
          { AttributeName: "timestamp", AttributeType: "N" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: "userId-timestamp-index",
            KeySchema: [
              { AttributeName: "userId", KeyType: "HASH" },
              { AttributeName: "timestamp", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
            IndexStatus: "ACTIVE",
          },
        ],
      }),
      tags: { ...TAGS },
    },
    "users-dev": {
      description: table("users-dev", "userId"),
      pitrDays: 35,
      tags: { ...TAGS },
    },
  };
  const roleArn = (name: string, kind: string) => `arn:aws:iam::${ACCOUNT}:role/dynamodb-${name}-${kind}-role`;
  const policies: Record<string, RolePolicy[]> = {};
  // What the access stack grants each role: its own statements (libs/access-policy), not a copy.
  const granted = (kind: AccessKind, name: string): RolePolicy[] => {
    const streamArn = tables[name].description.LatestStreamArn;
    return accessStatements(kind, { tableArn: tableArn(name), ...(streamArn ? { streamArn } : {}) }).map((statement) => ({ actions: [...statement.Action], resources: [...statement.Resource] }));
  };
  for (const name of Object.keys(tables)) {
    policies[roleArn(name, "write")] = granted("write", name);
    policies[roleArn(name, "read")] = granted("read", name);
  }
  const alarmArn = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;
  // DescribeAlarms as CloudWatch returns the monitoring stack's alarms: each reads its data in a
  // query that returns no data and watches FILL(<id>, 0); M of M + 2 minutes.
  const systemErrors = (key: string): MetricAlarm => ({
    AlarmName: `systemerrors-${key}-dev`,
    AlarmArn: alarmArn(`systemerrors-${key}-dev`),
    ActionsEnabled: true,
    AlarmActions: [TOPIC],
    OKActions: [TOPIC],
    StateValue: "OK",
    Metrics: [
      {
        Id: "systemErrors",
        Expression: `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${key}-dev'`,
        Period: 60,
        ReturnData: false,
      },
      { Id: "filled", Label: `SystemErrors ${key}-dev (quiet minutes as 0)`, Expression: "FILL(systemErrors, 0)", ReturnData: true },
    ],
    EvaluationPeriods: 5,
    DatapointsToAlarm: 3,
    Threshold: 1,
    ComparisonOperator: "GreaterThanThreshold",
    TreatMissingData: "notBreaching",
  });
  const alarms: MetricAlarm[] = [
    systemErrors("events"),
    systemErrors("sessions"),
    systemErrors("users"),
    {
      AlarmName: "usererrors-dynamodb-dev",
      AlarmArn: alarmArn("usererrors-dynamodb-dev"),
      ActionsEnabled: true,
      AlarmActions: [TOPIC],
      OKActions: [TOPIC],
      StateValue: "OK",
      Metrics: [
        { Id: "userErrors", MetricStat: { Metric: { Namespace: "AWS/DynamoDB", MetricName: "UserErrors", Dimensions: [] }, Period: 60, Stat: "Sum" }, ReturnData: false },
        { Id: "filled", Label: "UserErrors, account and region (quiet minutes as 0)", Expression: "FILL(userErrors, 0)", ReturnData: true },
      ],
      EvaluationPeriods: 3,
      DatapointsToAlarm: 1,
      Threshold: 5,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "notBreaching",
    },
  ];
  const topicAttributes: Record<string, string> = {
    TopicArn: TOPIC,
    // The monitoring stack's topic policy (stacks/monitoring/src/topic/alarm-topic-policy.ts).
    Policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountOwnerManagesTopic", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ["SNS:GetTopicAttributes", "SNS:Subscribe"], Resource: TOPIC },
        {
          Sid: "CloudWatchAlarmsOfThisStackPublish",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "SNS:Publish",
          Resource: TOPIC,
          Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": alarms.map((alarm) => alarm.AlarmArn) } },
        },
        { Sid: "DenyRequestsWithoutTls", Effect: "Deny", Principal: "*", Action: ["SNS:Publish"], Resource: TOPIC, Condition: { Bool: { "aws:SecureTransport": "false" } } },
      ],
    }),
  };
  const subscriptions = [{ SubscriptionArn: `${TOPIC}:5f6e7d8c-1111-2222-3333-444455556666`, Protocol: "email", Endpoint: "oncall@example.com", TopicArn: TOPIC }];
  const outputs: Record<string, StackOutputsResult> = {
    data: {
      deployed: true,
      // What the dev data stack exports, from its stack files and the tests' tables.
      outputs: { ...exampleOutputsForStack("dev") },
    },
    monitoring: {
      deployed: true,
      outputs: {
        alarmTopicArn: TOPIC,
        systemErrorsAlarmNames: { events: "systemerrors-events-dev", sessions: "systemerrors-sessions-dev", users: "systemerrors-users-dev" },
        systemErrorsAlarmArns: Object.fromEntries(["events", "sessions", "users"].map((key) => [key, alarmArn(`systemerrors-${key}-dev`)])),
        userErrorsAlarmName: "usererrors-dynamodb-dev",
        userErrorsAlarmArn: alarmArn("usererrors-dynamodb-dev"),
        dashboardName: "dynamodb-dev",
      },
    },
    access: {
      deployed: true,
      outputs: {
        roleArns: Object.fromEntries(
          ["events", "sessions", "users"].map((key) => [key, { read: roleArn(`${key}-dev`, "read"), write: roleArn(`${key}-dev`, "write") }]),
        ),
      },
    },
  };
  /** KMS keys of the account by ARN, and who manages each (kms:DescribeKey KeyMetadata.KeyManager). */
  const keys: Record<string, KeyManagerType> = { [AWS_MANAGED_DYNAMODB_KEY]: "AWS" };
  const dashboards = ["dynamodb-dev"];
  return {
    tables,
    keys,
    /** kms:DescribeKey is denied to the verifying identity. */
    kmsDenied: false,
    /** The alarm topic was deleted. */
    topicMissing: false,
    /**
     * Condition keys a service control policy of the account tests with a negated operator (e.g. a
     * region guard, StringNotEquals aws:RequestedRegion): a simulation without the key is an
     * explicit deny naming it in MissingContextValues (IAM API reference, EvaluationResult).
     */
    guardedContextKeys: [] as string[],
    /** Recorded answers that replace the environment's for one test. */
    overrides: [] as ((served: Served) => void)[],
    policies,
    alarms,
    topicAttributes,
    subscriptions,
    dashboards,
    outputs,
    /** What each DescribeAlarmHistory poll returns, in order; later polls return nothing. */
    historyPolls: [] as { HistorySummary: string; HistoryData: string; Timestamp: Date }[][],
  };
}

export type Environment = ReturnType<typeof deployedEnvironment>;

const globs = new Map<string, RegExp>();
// Compiled once per pattern: the fake is asked about every action of every role.
const glob = (pattern: string) =>
  globs.get(pattern) ?? globs.set(pattern, new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`)).get(pattern)!;

/** AWS's policy simulator over the environment's role policies, paginated 20 actions a page with Marker. */
export function simulatePrincipalPolicy(
  environment: Environment,
  input: { PolicySourceArn?: string; ActionNames?: string[]; ResourceArns?: string[]; Marker?: string; ContextEntries?: ContextEntry[] },
) {
  const policy = environment.policies[input.PolicySourceArn ?? ""] ?? [];
  const given = new Set((input.ContextEntries ?? []).map((entry) => entry.ContextKeyName));
  const missing = environment.guardedContextKeys.filter((key) => !given.has(key));
  const allows = (action: string, resource: string) =>
    missing.length === 0 && policy.some((statement) => statement.actions.includes(action) && statement.resources.some((pattern) => glob(pattern).test(resource)));
  const decision = (allowed: boolean): "allowed" | "implicitDeny" | "explicitDeny" => (allowed ? "allowed" : missing.length > 0 ? "explicitDeny" : "implicitDeny");
  const missingValues = missing.length > 0 ? { MissingContextValues: missing } : {};
  const start = Number(input.Marker ?? 0);
  const actions = (input.ActionNames ?? []).slice(start, start + 20);
  const results: EvaluationResult[] = actions.map((action) => {
    if (!input.ResourceArns) return { EvalActionName: action, EvalResourceName: "*", EvalDecision: decision(allows(action, "*")), ...missingValues };
    // With ResourceArns, missing context keys are reported per resource, not on the result (IAM API reference, EvaluationResult.MissingContextValues).
    const specific = input.ResourceArns.map((resource) => ({ EvalResourceName: resource, EvalResourceDecision: decision(allows(action, resource)), ...missingValues }));
    return {
      EvalActionName: action,
      EvalResourceName: "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}",
      EvalDecision: specific.some((s) => s.EvalResourceDecision === "allowed") ? "allowed" : "implicitDeny",
      ResourceSpecificResults: specific,
    };
  });
  const more = start + 20 < (input.ActionNames ?? []).length;
  return { EvaluationResults: results, IsTruncated: more, Marker: more ? String(start + 20) : undefined };
}

/** Points every AWS client of verify at the environment. */
export function serve(environment: Environment): Served {
  const dynamodb = mockClient(DynamoDBClient);
  const iam = mockClient(IAMClient);
  const cloudwatch = mockClient(CloudWatchClient);
  const sns = mockClient(SNSClient);
  const kms = mockClient(KMSClient);
  serveRecordedTables(dynamodb, kms, {
    table: (name) => environment.tables[name],
    keyManager: (keyArn) => (environment.kmsDenied ? "access-denied" : environment.keys[keyArn]),
  });
  iam.on(SimulatePrincipalPolicyCommand).callsFake((input: Parameters<typeof simulatePrincipalPolicy>[1]) => {
    if (environment.policies[input.PolicySourceArn ?? ""] === undefined) {
      // IAM's answer for a role that does not exist (IAM API reference, SimulatePrincipalPolicy errors: NoSuchEntity, HTTP 404).
      throw Object.assign(new Error(`The role with name ${input.PolicySourceArn?.split("/").pop()} cannot be found.`), { name: "NoSuchEntityException", $metadata: { httpStatusCode: 404 } });
    }
    return simulatePrincipalPolicy(environment, input);
  });
  cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames?: string[] }) => ({
    MetricAlarms: environment.alarms.filter((alarm) => input.AlarmNames?.includes(alarm.AlarmName ?? "")),
  }));
  cloudwatch.on(SetAlarmStateCommand).resolves({});
  cloudwatch.on(GetDashboardCommand).callsFake((input: { DashboardName?: string }) => {
    const name = input.DashboardName ?? "";
    if (!environment.dashboards.includes(name)) {
      throw Object.assign(new Error(`Dashboard ${name} does not exist`), { name: "DashboardNotFoundError", $metadata: { httpStatusCode: 404 } });
    }
    return { DashboardName: name, DashboardArn: `arn:aws:cloudwatch::${ACCOUNT}:dashboard/${name}`, DashboardBody: "{\"widgets\":[]}" };
  });
  cloudwatch.on(DescribeAlarmHistoryCommand).callsFake(() => ({ AlarmHistoryItems: environment.historyPolls.shift() ?? [] }));
  sns.on(GetTopicAttributesCommand).callsFake(() => {
    // SNS's answer for a topic that does not exist (SNS API reference, GetTopicAttributes errors: NotFound, HTTP 404).
    if (environment.topicMissing) throw Object.assign(new Error("Topic does not exist"), { name: "NotFoundException", $metadata: { httpStatusCode: 404 } });
    return { Attributes: environment.topicAttributes };
  });
  sns.on(ListSubscriptionsByTopicCommand).callsFake(() => ({ Subscriptions: environment.subscriptions }));
  const served = { dynamodb, kms, iam, cloudwatch, sns, restore: () => [dynamodb, kms, iam, cloudwatch, sns].forEach((mock) => mock.restore()) };
  for (const override of environment.overrides) override(served);
  return served;
}

/** The recorded clients of one test, to replace an answer or read the calls made. */
export interface Served {
  readonly dynamodb: AwsClientStub<DynamoDBClient>;
  readonly kms: AwsClientStub<KMSClient>;
  readonly iam: AwsClientStub<IAMClient>;
  readonly cloudwatch: AwsClientStub<CloudWatchClient>;
  readonly sns: AwsClientStub<SNSClient>;
  readonly restore: () => void;
}
