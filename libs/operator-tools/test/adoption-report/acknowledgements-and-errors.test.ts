import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import { DescribeContinuousBackupsCommand, DescribeTableCommand, ListTagsOfResourceCommand } from "@aws-sdk/client-dynamodb";
import { ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { ConfigError } from "@dynamodb-platform/platform";
import { LiveAccountError } from "../../src/live-account";
import { WORKSPACE_ROOT } from "@dynamodb-platform/platform";
import { awsError } from "@dynamodb-platform/testing";
import { streamArn } from "./recorded-responses";
import { IMPORTS_EVENTS_INSIGHTS, block, conformingWorld, dynamodb, lambda, removeWorkspaces, report, workspaceWith } from "./world";

afterAll(removeWorkspaces);

const lossyWorld = () => {
  const world = conformingWorld();
  world.pitr.sessions = 35;
  world.tables.users = {
    ...world.tables.users,
    GlobalSecondaryIndexes: [{ IndexName: "email-index", KeySchema: [{ AttributeName: "email", KeyType: "HASH" }], Projection: { ProjectionType: "KEYS_ONLY" } }],
  };
  return world;
};

describe("acknowledgements in the data stack's dataLossAccepted", () => {
  test("a loss the stack's config accepts for that table is reported as acknowledged, not as a failure", async () => {
    const root = workspaceWith("prod", { ...IMPORTS_EVENTS_INSIGHTS, "dynamodb-data:dataLossAccepted": { sessions: ["pointInTimeRecovery"], users: ["globalSecondaryIndexes"] } });
    const { code, text } = await report(lossyWorld(), { root });
    expect(code).toBe(0);
    expect(block(text, "sessions", "point-in-time recovery")).toMatch(/^ {2}ACKNOWLEDGED [\s\S]*loses: +switching PITR off/);
    expect(block(text, "users", "GSI email-index")).toMatch(/^ {2}ACKNOWLEDGED /);
  });

  test("an acknowledgement covers only its table and property", async () => {
    const root = workspaceWith("prod", { ...IMPORTS_EVENTS_INSIGHTS, "dynamodb-data:dataLossAccepted": { users: ["pointInTimeRecovery"] } });
    const { code, text } = await report(lossyWorld(), { root });
    expect(code).toBe(1);
    expect(block(text, "sessions", "point-in-time recovery")).toMatch(/^ {2}DATA-LOSS /);
    expect(block(text, "users", "GSI email-index")).toMatch(/^ {2}DATA-LOSS /);
    expect(block(text, "users", "dataLossAccepted: pointInTimeRecovery")).toMatch(/^ {2}ATTENTION [\s\S]*remove it once the adoption is done/);
  });

  test.each<[string, unknown, RegExp]>([
    ["a list instead of a map", ["ttl"], /is not a map of table to a list of properties/],
    ["a table the stack does not have", { orders: ["ttl"] }, /'orders' is not a table of this stack\. Use one of events, sessions, users/],
    ["a property that is not a data-loss property", { users: ["billingMode"] }, /'billingMode' \(table 'users'\) is not a property whose change loses data/],
  ])("%s is a ConfigError naming the key, before any AWS call", async (_, value, message) => {
    const root = workspaceWith("prod", { "dynamodb-data:dataLossAccepted": value });
    const failure = await report(conformingWorld(), { root }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as Error).message).toMatch(/^Invalid configuration 'dynamodb-data:dataLossAccepted': /);
    expect((failure as Error).message).toMatch(message);
    expect(dynamodb.calls()).toHaveLength(0);
  });
});

describe("AWS failures are one clear line", () => {
  test.each<[string, Error, RegExp]>([
    ["missing credentials", awsError("CredentialsProviderError", "Could not load credentials from any providers"), /^DescribeTable events \(ap-southeast-2\): no AWS credentials found\. Sign in/],
    ["expired credentials", awsError("ExpiredTokenException", "The security token included in the request is expired"), /^DescribeTable events \(ap-southeast-2\): the AWS credentials are expired or invalid/],
    ["access denied", awsError("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/ops/x is not authorized to perform: dynamodb:DescribeTable", 403), /^DescribeTable events \(ap-southeast-2\): access denied \(User: .* not authorized .*\)\. Use a role allowed/],
    ["throttling", awsError("ThrottlingException", "Rate of requests exceeds the allowed throughput."), /^DescribeTable events \(ap-southeast-2\): AWS kept throttling the request after retries with backoff/],
  ])("%s", async (_, error, expected) => {
    const failure = await report(conformingWorld(), { alter: () => dynamodb.on(DescribeTableCommand).rejects(error) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toMatch(expected);
    expect((failure as Error).message).not.toContain("\n");
  });

  test("a missing table names the table and the region", async () => {
    const world = conformingWorld();
    delete world.tables.sessions;
    const failure = await report(world).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toBe("DescribeTable sessions (ap-southeast-2): not found (Requested resource not found: Table: sessions not found).");
  });

  test("access denied on a later read-only call names that call", async () => {
    const denied = awsError("AccessDeniedException", "not authorized to perform: dynamodb:DescribeContinuousBackups", 403);
    const failure = await report(conformingWorld(), { alter: () => dynamodb.on(DescribeContinuousBackupsCommand).rejects(denied) }).catch((e: unknown) => e);
    expect((failure as Error).message).toMatch(/^DescribeContinuousBackups events: access denied/);
  });

  test("throttled Lambda listing names ListEventSourceMappings and the stream", async () => {
    const throttled = awsError("TooManyRequestsException", "Rate exceeded", 429);
    const failure = await report(conformingWorld(), { alter: () => lambda.on(ListEventSourceMappingsCommand).rejects(throttled) }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe(
      `ListEventSourceMappings ${streamArn("events")}: AWS kept throttling the request after retries with backoff (TooManyRequestsException). Run again later.`,
    );
  });

  test("tags are read page by page", async () => {
    const { text } = await report(conformingWorld(), {
      alter: () =>
        dynamodb
          .on(ListTagsOfResourceCommand)
          .resolvesOnce({ Tags: [{ Key: "Environment", Value: "production" }], NextToken: "page-2" })
          .resolves({ Tags: [{ Key: "Team", Value: "analytics-platform" }, { Key: "CostCenter", Value: "CC-4471" }, { Key: "backup", Value: "daily" }] }),
    });
    expect(block(text, "events", "tags")).toMatch(/adoption: removes backup=daily$/m);
    expect(dynamodb.commandCalls(ListTagsOfResourceCommand, { NextToken: "page-2" }).length).toBeGreaterThan(0);
  });
});

describe("the command line", () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ["--require", "@swc-node/register", path.join(WORKSPACE_ROOT, "libs/operator-tools/src/adoption-report/cli.ts"), ...args], { cwd: WORKSPACE_ROOT }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  const lastLine = (stderr: string) => stderr.trim().split("\n").filter((line) => line.startsWith("adoption-report:"));

  test("a stack that creates its tables exits 2 with one line, before any AWS call", async () => {
    const { code, stderr } = await cli("--stack", "dev");
    expect(code).toBe(2);
    expect(lastLine(stderr)).toEqual([expect.stringMatching(/^adoption-report: stack 'dev' creates its tables \(dynamodb-data:adoptExistingTables is false\)/)]);
  });

  test("a missing --stack exits 2 with the usage", async () => {
    const { code, stderr } = await cli();
    expect(code).toBe(2);
    expect(lastLine(stderr)).toEqual(["adoption-report: --stack is required. usage: npm run adoption-report -- --stack <stack> [--json]"]);
  });
});
