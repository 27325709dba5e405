import { expectRunFailure, resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { exampleDataStackOutputs } from "@dynamodb-platform/testing";
import { ROLE, STACKS, dataOutputsFor, runAccessStack } from "./run-access-stack";
import { simulate } from "@dynamodb-platform/testing";

const failureOf = expectRunFailure;

const trustOf = (run: ProgramRun, roleName: string): unknown =>
  JSON.parse(String(resourcesOfType(run, ROLE).find((r) => r.inputs["name"] === roleName)?.inputs["assumeRolePolicy"]));

describe.each(STACKS)("access roles (%s)", (stack) => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runAccessStack(stack);
  });

  test("roles are named dynamodb-{physical table name}-{read|write}-role", () => {
    const tables = Object.values(dataOutputsFor(stack).tableNames);
    expect(resourcesOfType(run, ROLE).map((r) => r.inputs["name"]).sort()).toEqual(
      tables.flatMap((table) => [`dynamodb-${table}-read-role`, `dynamodb-${table}-write-role`]).sort(),
    );
    if (stack === "prod") expect(run.outputs["roleNames"]).toMatchObject({ events: { read: "dynamodb-events-read-role" } });
    if (stack === "dev") expect(run.outputs["roleNames"]).toMatchObject({ events: { read: "dynamodb-events-dev-read-role" } });
  });

  test("outputs give every role ARN by table and access kind", () => {
    const arns = run.outputs["roleArns"] as Record<string, Record<string, string>>;
    expect(Object.keys(arns).sort()).toEqual(["events", "sessions", "users"]);
    for (const [table, byKind] of Object.entries(arns)) {
      expect(byKind).toEqual({
        read: `arn:aws:iam::123456789012:role/dynamodb-${dataOutputsFor(stack).tableNames[table]}-read-role`,
        write: `arn:aws:iam::123456789012:role/dynamodb-${dataOutputsFor(stack).tableNames[table]}-write-role`,
      });
    }
  });

  test("roles carry the mandatory tags and the table they grant, computed from the data stack", () => {
    for (const role of resourcesOfType(run, ROLE)) {
      expect(role.inputs["tags"]).toEqual({
        Environment: stack === "prod" ? "production" : "development",
        Team: "analytics-platform",
        CostCenter: "CC-4471",
        TableName: String(role.inputs["name"]).replace(/^dynamodb-/, "").replace(/-(read|write)-role$/, ""),
        Access: String(role.inputs["name"]).endsWith("-read-role") ? "read" : "write",
      });
    }
  });

  test("every role carries the platform's permissions boundary from this account (bootstrap creates it)", () => {
    const roles = resourcesOfType(run, ROLE);
    expect(roles).toHaveLength(6);
    for (const role of roles) {
      expect({ role: role.inputs["name"], boundary: role.inputs["permissionsBoundary"] }).toEqual({
        role: role.inputs["name"],
        boundary: "arn:aws:iam::123456789012:policy/dynamodb-platform-access-boundary",
      });
    }
  });

  test("reads the data stack by reference and creates no DynamoDB or CloudWatch resource", () => {
    expect(resourcesOfType(run, "pulumi:pulumi:StackReference").map((r) => r.inputs["name"])).toEqual([
      `organization/dynamodb-data/${stack}`,
    ]);
    expect(run.resources.filter((r) => /^aws:(dynamodb|cloudwatch)\//.test(r.type))).toEqual([]);
  });
});

describe("trust policies", () => {
  test("by default only the deploying account may assume the roles", async () => {
    const run = await runAccessStack("dev");
    const trust = trustOf(run, "dynamodb-events-dev-read-role");
    expect(trust).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "AssumeRole", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root"] }, Action: "sts:AssumeRole" },
      ],
    });
  });

  test("prod trusts the account root unless principals are configured", async () => {
    const run = await runAccessStack("prod");
    expect(trustOf(run, "dynamodb-users-write-role")).toMatchObject({ Statement: [{ Principal: { AWS: ["arn:aws:iam::123456789012:root"] } }] });
  });

  test("configured role ARNs and services are exactly who may assume them", async () => {
    const run = await runAccessStack("prod", {
      trustedPrincipals: JSON.stringify([
        "arn:aws:iam::123456789012:role/analytics-ingest",
        "arn:aws:iam::123456789012:role/analytics-reporting",
        "lambda.amazonaws.com",
      ]),
    });
    const roleArn = "arn:aws:iam::123456789012:role/dynamodb-events-write-role";
    const trust = trustOf(run, "dynamodb-events-write-role");
    expect(trust).toMatchObject({
      Statement: [
        {
          Principal: {
            AWS: ["arn:aws:iam::123456789012:role/analytics-ingest", "arn:aws:iam::123456789012:role/analytics-reporting"],
            Service: ["lambda.amazonaws.com"],
          },
        },
      ],
    });
    const assume = (principal: string) => simulate({ principal, resourcePolicy: trust }, { action: "sts:AssumeRole", resource: roleArn });
    expect(await assume("arn:aws:iam::123456789012:role/analytics-ingest")).toBe("Allowed");
    expect(await assume("arn:aws:iam::123456789012:role/someone-else")).toBe("Denied");
    expect(await assume("arn:aws:iam::999999999999:role/analytics-ingest")).toBe("Denied");
  });

  test("an account id stands for that account's root", async () => {
    const run = await runAccessStack("dev", { trustedPrincipals: '["210987654321"]' });
    expect(trustOf(run, "dynamodb-users-dev-write-role")).toMatchObject({
      Statement: [{ Principal: { AWS: ["arn:aws:iam::210987654321:root"] } }],
    });
  });

  test.each([
    ["a wildcard principal", '["*"]', /'dynamodb-access:trustedPrincipals': '\*' is a wildcard/],
    ["a wildcard inside an ARN", '["arn:aws:iam::123456789012:role/*"]', /is a wildcard/],
    ["a malformed role ARN", '["arn:aws:iam::12345:role/x"]', /'arn:aws:iam::12345:role\/x' is not an account id, IAM role ARN or service principal/],
    ["a user ARN", '["arn:aws:iam::123456789012:user/bob"]', /is not an account id, IAM role ARN or service principal/],
    ["a duplicate", '["lambda.amazonaws.com","lambda.amazonaws.com"]', /a principal is listed twice/],
    ["not a list", "lambda.amazonaws.com", /is not a list of strings/],
  ])("rejects %s before any resource", async (_case, value, message) => {
    const failure = await failureOf(runAccessStack("dev", { trustedPrincipals: value }));
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });
});

describe("bad input", () => {
  test("a role name over IAM's 64 characters fails before any role, naming the role and the fix", async () => {
    const longTable = "events-" + "x".repeat(40);
    const outputs = exampleDataStackOutputs({ tableNames: { events: longTable, users: "users-dev" } });
    const failure = await failureOf(runAccessStack("dev", {}, { "organization/dynamodb-data/dev": { ...outputs } }));
    expect(failure.message).toMatch(
      new RegExp(`IAM role name 'dynamodb-${longTable}-read-role' is 66 characters; IAM allows 64.*shorter environmentSuffix`),
    );
    expect(failure.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });

  test.each([
    ["a bad suffix", { environmentSuffix: "DEV" }, /'dynamodb-access:environmentSuffix': 'DEV' is not allowed/],
    ["an empty cost centre", { costCenter: "" }, /'dynamodb-access:costCenter': it is empty/],
    ["a malformed data stack name", { dataStack: "dynamodb-data" }, /'dynamodb-access:dataStack'.*not a fully qualified stack name/],
    ["a misspelt key", { trustedPrincipal: '["lambda.amazonaws.com"]' }, /'dynamodb-access:trustedPrincipal': it is not a key this stack reads .*Did you mean 'dynamodb-access:trustedPrincipals'\?/],
  ])("%s fails with a named error", async (_case, overrides, message) => {
    const failure = await failureOf(runAccessStack("dev", overrides));
    expect(failure.message).toMatch(message);
  });

  test("a missing data stack says to deploy it first", async () => {
    const failure = await failureOf(runAccessStack("prod", {}, {}));
    expect(failure.message).toMatch(/Required output 'tableNames' does not exist on stack 'organization\/dynamodb-data\/prod'/);
  });
});
