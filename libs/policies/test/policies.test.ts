import { evaluatePolicies, PLATFORM_POLICIES, type PolicyPackConfig, type ResourceUnderPolicy } from "../src";
import { arn, broken, good, plainUserErrorsAlarm, policyDocument, tags } from "./resources";

/** The account's aws/sns key, as `aws kms describe-key --key-id alias/aws/sns` reports it. */
const AWS_SNS_KEY_ID = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const devConfig: PolicyPackConfig = {
  "names-carry-environment-suffix": { environmentSuffix: "dev", adoptedTableNames: [] },
  "alarm-topics-not-on-aws-managed-key": { awsManagedSnsKeys: [AWS_SNS_KEY_ID] },
};
const queryOf = (alarm: ResourceUnderPolicy, id: string) =>
  (alarm.props["metricQueries"] as { id: string }[]).find((query) => query.id === id)!;
const tagsWithoutTeam = Object.fromEntries(Object.entries(tags).filter(([key]) => key !== "Team"));

test("the well-formed resources pass every policy", async () => {
  expect(await evaluatePolicies(Object.values(good), devConfig)).toEqual([]);
});

test("there are fifteen policies, all mandatory, with unique names", () => {
  expect(PLATFORM_POLICIES).toHaveLength(15);
  expect(new Set(PLATFORM_POLICIES.map((p) => p.name)).size).toBe(15);
  expect(PLATFORM_POLICIES.every((p) => p.enforcementLevel === "mandatory")).toBe(true);
});

const readPolicy = (statements: object[]) => broken(good.rolePolicy, { policy: policyDocument(statements) });
const trust = (principal: unknown) =>
  broken(good.role, { assumeRolePolicy: policyDocument([{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }]) });

const cases: [string, string, ResourceUnderPolicy, RegExp][] = [
  ["mandatory-cost-tags", "no tags at all", broken(good.table, { tags: undefined }), /lacks the tag\(s\) Environment, Team, CostCenter/],
  ["mandatory-cost-tags", "one tag missing", broken(good.topic, { tags: tagsWithoutTeam }), /lacks the tag\(s\) Team/],
  ["mandatory-cost-tags", "an empty tag", broken(good.role, { tags: { ...tags, CostCenter: " " } }), /lacks the tag\(s\) CostCenter/],
  ["dynamodb-on-demand", "provisioned billing", broken(good.table, { billingMode: "PROVISIONED" }), /has billingMode PROVISIONED.*PAY_PER_REQUEST/],
  ["dynamodb-on-demand", "billing mode unset", broken(good.table, { billingMode: undefined }), /billingMode unset/],
  ["dynamodb-on-demand", "table capacity", broken(good.table, { readCapacity: 5 }), /sets readCapacity on the table/],
  [
    "dynamodb-on-demand",
    "GSI capacity",
    broken(good.table, { globalSecondaryIndexes: [{ name: "by-user", keySchemas: [], projectionType: "ALL", writeCapacity: 5 }] }),
    /sets writeCapacity on GSI 'by-user'/,
  ],
  ["dynamodb-aws-managed-encryption", "encryption off (AWS owned key)", broken(good.table, { serverSideEncryption: { enabled: false } }), /AWS owned key/],
  ["dynamodb-aws-managed-encryption", "encryption unset", broken(good.table, { serverSideEncryption: undefined }), /AWS owned key/],
  [
    "dynamodb-aws-managed-encryption",
    "a customer managed key",
    broken(good.table, { serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/x" } }),
    /customer managed key.*remove serverSideEncryption.kmsKeyArn/,
  ],
  ["dynamodb-deletion-protection-off", "deletion protection on", broken(good.table, { deletionProtectionEnabled: true }), /deletion protection on/],
  ["dynamodb-streams-only-where-declared", "a stream on sessions", broken(good.table, { streamEnabled: true, streamViewType: "KEYS_ONLY" }), /\(sessions-dev\) has a stream, and only events may/],
  ["dynamodb-streams-only-where-declared", "a stream on a table named like events", broken(good.streamingTable, { name: "eventsarchive-dev" }), /has a stream/],
  [
    "alarms-on-published-dynamodb-metrics",
    "UserErrors per table",
    broken(plainUserErrorsAlarm, { dimensions: { TableName: "events-dev" } }),
    /watches UserErrors by TableName.*Fix: watch it by no dimensions/,
  ],
  [
    "alarms-on-published-dynamodb-metrics",
    "SystemErrors by TableName alone",
    broken(plainUserErrorsAlarm, { metricName: "SystemErrors", dimensions: { TableName: "events-dev" } }),
    /watches SystemErrors by TableName,.*Operation \+ TableName.*Metrics Insights/,
  ],
  [
    "alarms-on-published-dynamodb-metrics",
    "UserErrors per table inside a metric query",
    broken(good.queryAlarm, { metricQueries: [{ id: "m", metric: { metricName: "UserErrors", namespace: "AWS/DynamoDB", dimensions: { TableName: "t" }, period: 60, stat: "Sum" } }] }),
    /watches UserErrors by TableName/,
  ],
  [
    "alarms-on-published-dynamodb-metrics",
    "a Metrics Insights SCHEMA of SystemErrors by TableName alone",
    broken(good.queryAlarm, {
      metricQueries: [
        { id: "q", expression: "SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", TableName) WHERE TableName = 'events-dev'", period: 60, returnData: false },
        { id: "filled", expression: "FILL(q, 0)", returnData: true },
      ],
    }),
    /watches SystemErrors by TableName,/,
  ],
  [
    "alarms-on-published-dynamodb-metrics",
    "a Metrics Insights SCHEMA of UserErrors per TableName",
    broken(good.queryAlarm, {
      metricQueries: [
        { id: "q", expression: "SELECT SUM(UserErrors) FROM SCHEMA(AWS/DynamoDB, TableName)", period: 60, returnData: false },
        { id: "filled", expression: "FILL(q, 0)", returnData: true },
      ],
    }),
    /watches UserErrors by TableName/,
  ],
  [
    "alarms-on-published-dynamodb-metrics",
    "a metric name DynamoDB does not publish",
    broken(plainUserErrorsAlarm, { metricName: "UserError" }),
    /watches UserError by no dimensions, which DynamoDB never publishes.*Fix: watch a metric DynamoDB publishes/,
  ],
  ["alarms-fill-dynamodb-metrics", "the plain UserErrors alarm", plainUserErrorsAlarm, /watches AWS\/DynamoDB data directly.*FILL\(<id>, 0\)/],
  [
    "alarms-fill-dynamodb-metrics",
    "a Metrics Insights query watched without FILL",
    broken(good.queryAlarm, { metricQueries: [{ ...queryOf(good.queryAlarm, "q"), returnData: true }] }),
    /watches AWS\/DynamoDB data directly/,
  ],
  [
    "alarms-fill-dynamodb-metrics",
    "a FILL expression that the alarm computes but does not watch",
    broken(good.queryAlarm, {
      metricQueries: [
        { ...queryOf(good.queryAlarm, "q"), returnData: true },
        { ...queryOf(good.queryAlarm, "filled"), returnData: false },
      ],
    }),
    /watches AWS\/DynamoDB data directly/,
  ],
  [
    "alarms-fill-dynamodb-metrics",
    "a DynamoDB metric query watched without FILL",
    broken(good.userErrorsAlarm, { metricQueries: [queryOf(good.userErrorsAlarm, "m"), { id: "e", expression: "m * 1", returnData: true }] }),
    /watches AWS\/DynamoDB data directly/,
  ],
  ["alarm-topics-not-on-aws-managed-key", "the aws/sns alias", broken(good.topic, { kmsMasterKeyId: "alias/aws/sns" }), /encrypted with the AWS managed key aws\/sns \(alias\/aws\/sns\)/],
  [
    "alarm-topics-not-on-aws-managed-key",
    "the aws/sns alias ARN",
    broken(good.topic, { kmsMasterKeyId: "arn:aws:kms:ap-southeast-2:123456789012:alias/aws/sns" }),
    /encrypted with the AWS managed key aws\/sns.*remove kmsMasterKeyId/,
  ],
  [
    "alarm-topics-not-on-aws-managed-key",
    "the aws/sns key ARN listed in the policy config",
    broken(good.topic, { kmsMasterKeyId: `arn:aws:kms:ap-southeast-2:123456789012:key/${AWS_SNS_KEY_ID}` }),
    /encrypted with the AWS managed key aws\/sns \(arn:aws:kms:.*:key\//,
  ],
  ["alarms-have-actions", "no alarm action", broken(good.queryAlarm, { alarmActions: [] }), /notifies nobody/],
  ["alarms-have-actions", "actions disabled", broken(good.queryAlarm, { actionsEnabled: false }), /notifies nobody/],
  ["iam-no-wildcard-actions", "Action *", readPolicy([{ Effect: "Allow", Action: "*", Resource: [arn("events-dev")] }]), /allows \*.*exact actions/],
  ["iam-no-wildcard-actions", "dynamodb:*", readPolicy([{ Effect: "Allow", Action: ["dynamodb:*"], Resource: [arn("events-dev")] }]), /allows dynamodb:\*/],
  ["iam-no-wildcard-actions", "NotAction", readPolicy([{ Effect: "Allow", NotAction: ["iam:*"], Resource: [arn("events-dev")] }]), /NotAction/],
  [
    "iam-no-wildcard-actions",
    "a wildcard in a role's inline policy",
    broken(good.role, { inlinePolicies: [{ name: "x", policy: policyDocument([{ Effect: "Allow", Action: "dynamodb:*", Resource: arn("events-dev") }]) }] }),
    /allows dynamodb:\*/,
  ],
  ["iam-no-wildcard-resources", "GetItem on *", readPolicy([{ Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: "*" }]), /allows dynamodb:GetItem on every resource/],
  [
    "iam-no-wildcard-resources",
    "ListStreams sharing * with another action",
    readPolicy([{ Effect: "Allow", Action: ["dynamodb:ListStreams", "dynamodb:GetRecords"], Resource: ["*"] }]),
    /allows dynamodb:GetRecords on every resource/,
  ],
  [
    "iam-no-wildcard-resources",
    "DescribeAlarms sharing * with an alarm write",
    readPolicy([{ Effect: "Allow", Action: ["cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm"], Resource: ["*"] }]),
    /allows cloudwatch:PutMetricAlarm on every resource/,
  ],
  ["iam-no-wildcard-resources", "NotResource", readPolicy([{ Effect: "Allow", Action: ["dynamodb:GetItem"], NotResource: [arn("users-dev")] }]), /on every resource/],
  ["iam-trust-not-public", "Principal *", trust("*"), /can be assumed by anyone/],
  ["iam-trust-not-public", "AWS: *", trust({ AWS: "*" }), /can be assumed by anyone/],
  ["iam-trust-not-public", "* among others", trust({ AWS: ["arn:aws:iam::123456789012:root", "*"] }), /can be assumed by anyone/],
  ["iam-role-naming", "a role named otherwise", broken(good.role, { name: "events-reader-dev" }), /is named 'events-reader-dev'.*dynamodb-\{table\}-\{read\|write\}-role/],
  ["iam-role-naming", "an admin role", broken(good.role, { name: "dynamodb-events-dev-admin-role" }), /is named 'dynamodb-events-dev-admin-role'/],
  ["iam-role-naming", "a generated name", broken(good.role, { name: undefined }), /is named '\(generated\)'/],
  ["iam-role-naming", "a platform-prefixed role that is not a CI role", broken(good.role, { name: "dynamodb-platform-admin" }), /is named 'dynamodb-platform-admin'/],
  ["iam-role-naming", "a CI role name with something after it", broken(good.role, { name: "dynamodb-platform-deploy-data-v2" }), /is named 'dynamodb-platform-deploy-data-v2'/],
  ["names-carry-environment-suffix", "an environment stack creating the account-level preview role", broken(good.role, { name: "dynamodb-platform-preview" }), /named 'dynamodb-platform-preview' without the environment suffix 'dev'/],
  ["names-carry-environment-suffix", "a table without the suffix", broken(good.table, { name: "sessions" }), /named 'sessions' without the environment suffix 'dev'/],
  ["names-carry-environment-suffix", "an alarm without the suffix", broken(good.queryAlarm, { name: "systemerrors-events" }), /named 'systemerrors-events' without/],
  ["names-carry-environment-suffix", "a topic with the suffix only as a substring", broken(good.topic, { name: "alarms-devices" }), /named 'alarms-devices' without/],
];

describe.each(cases)("%s fails on %s", (policy, _way, resource, message) => {
  test("with a message naming the resource and the fix", async () => {
    const violations = await evaluatePolicies([resource], devConfig);
    expect(violations.map((v) => v.policy)).toContain(policy);
    const own = violations.filter((v) => v.policy === policy);
    for (const violation of own) {
      expect(violation.message).toContain(`${resource.type} '${resource.name}'`);
      expect(violation.message).toMatch(/\. Fix: /);
    }
    expect(own.map((v) => v.message).join("\n")).toMatch(message);
  });
});

describe("alarm topics and customer managed keys", () => {
  test("a topic on the organisation's customer managed key passes", async () => {
    const topic = broken(good.topic, { kmsMasterKeyId: "arn:aws:kms:ap-southeast-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" });
    expect(await evaluatePolicies([topic], devConfig)).toEqual([]);
  });

  test("an alarm on a non-DynamoDB metric needs no FILL", async () => {
    const alarm = broken(plainUserErrorsAlarm, { namespace: "AWS/SNS", metricName: "NumberOfNotificationsFailed" });
    expect(await evaluatePolicies([alarm], devConfig, PLATFORM_POLICIES.filter((p) => p.name === "alarms-fill-dynamodb-metrics"))).toEqual([]);
  });
});

describe("names-carry-environment-suffix with adoption", () => {
  const prodConfig: PolicyPackConfig = { "names-carry-environment-suffix": { environmentSuffix: "prod", adoptedTableNames: ["events", "sessions", "users"] } };

  test("adopted tables and their roles keep their production names", async () => {
    const table = broken(good.streamingTable, { name: "events" });
    const role = broken(good.role, { name: "dynamodb-events-read-role" });
    expect(await evaluatePolicies([table, role], prodConfig)).toEqual([]);
  });

  test("a table that is not adopted still needs the suffix", async () => {
    const violations = await evaluatePolicies([broken(good.table, { name: "orders" })], prodConfig);
    expect(violations.map((v) => v.message)).toEqual([expect.stringMatching(/named 'orders' without the environment suffix 'prod'/)]);
  });

  test("without a configured suffix there is nothing to check", async () => {
    expect(await evaluatePolicies([broken(good.table, { name: "sessions" })], {})).toEqual([]);
  });

  test("an account-level stack (bootstrap: no environmentSuffix) may create the platform's CI roles", async () => {
    const roles = ["dynamodb-platform-preview", "dynamodb-platform-deploy-data", "dynamodb-platform-deploy-monitoring", "dynamodb-platform-deploy-access"].map((name) =>
      broken(good.role, { name }),
    );
    expect(await evaluatePolicies(roles, {})).toEqual([]);
  });

  test("tablesWithStreams is configurable", async () => {
    const config = { "dynamodb-streams-only-where-declared": { tablesWithStreams: ["sessions"] } };
    const violations = await evaluatePolicies([good.streamingTable], config);
    expect(violations.map((v) => v.policy)).toEqual(["dynamodb-streams-only-where-declared"]);
  });
});
