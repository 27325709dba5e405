import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, ListEventSourceMappingsCommand } from "@aws-sdk/client-lambda";
import { awsErrorAnswer, awsManagedDynamoDbKey, firstCalls, motoTier, serveRecordedTables, startMoto, useEndpoint, type Moto, type RecordedTable, type WireProtocol } from "@dynamodb-platform/testing";
import { mockClient } from "aws-sdk-client-mock";
import { buildAdoptionReport, defaultClients, main, renderText, type AdoptionReport } from "../../src/adoption-report";
import { runCli } from "../../src/live-account";
import { ACCOUNT, BEFORE, BEFORE_ACCEPTED, BEFORE_STREAM, STREAM_CONSUMER, acceptLines } from "./before-adoption";

/*
 * The moto tier of the adoption report: the production account before adoption (BEFORE, the
 * runbook's recorded account) created in moto_server through the DynamoDB, IAM and Lambda APIs,
 * and the real report run against it. moto does not implement DescribeContributorInsights: the
 * proxy answers it (DISABLED, as for a table that never had it). Faults are injected in front of
 * moto, in each call's wire protocol.
 */
const REGION = "ap-southeast-2";
const NOW = new Date("2024-05-06T12:00:00.000Z");
const runs = motoTier();
const describeMoto = runs ? describe : describe.skip;

let moto: Moto;
let restoreEnvironment: () => void;
/** What the report finds on the recorded "before" account: topic, verdict and property per table. */
let recorded: ReturnType<typeof verdicts>;

const verdicts = (report: AdoptionReport) => report.tables.map((table) => [table.key, table.findings.map((finding) => [finding.topic, finding.verdict, finding.property])]);

beforeAll(async () => {
  if (!runs) return;
  // The same account as recorded responses, read once before moto starts.
  const dynamodb = mockClient(DynamoDBClient);
  const kms = mockClient(KMSClient);
  const lambda = mockClient(LambdaClient);
  serveRecordedTables(dynamodb, kms, { table: (name) => BEFORE[name], keyManager: () => undefined });
  lambda.on(ListEventSourceMappingsCommand).callsFake(({ EventSourceArn }: { EventSourceArn: string }) => ({
    EventSourceMappings: EventSourceArn === BEFORE_STREAM ? [{ UUID: "a1b2c3d4-0000", EventSourceArn, FunctionArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${STREAM_CONSUMER}`, State: "Enabled" }] : [],
  }));
  recorded = verdicts(await buildAdoptionReport("prod", { now: NOW, clients: (region) => defaultClients(region, "immediate") }));
  for (const mock of [dynamodb, kms, lambda]) mock.restore();
  moto = await startMoto();
  restoreEnvironment = useEndpoint(moto.endpoint);
}, 60_000);

afterAll(async () => {
  if (!runs) return;
  restoreEnvironment();
  await moto.stop();
});

/** CreateTable as the table was created before adoption (DynamoDB API reference), from its recorded description. */
function createTable(name: string, { description: t, tags }: RecordedTable, onKmsKey: boolean): CreateTableCommandInput {
  const throughput = (p: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) => ({ ReadCapacityUnits: p?.ReadCapacityUnits ?? 1, WriteCapacityUnits: p?.WriteCapacityUnits ?? 1 });
  return {
    TableName: name,
    KeySchema: t.KeySchema,
    AttributeDefinitions: t.AttributeDefinitions,
    BillingMode: "PROVISIONED",
    ProvisionedThroughput: throughput(t.ProvisionedThroughput),
    ...(t.GlobalSecondaryIndexes
      ? { GlobalSecondaryIndexes: t.GlobalSecondaryIndexes.map((index) => ({ IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection, ProvisionedThroughput: throughput(index.ProvisionedThroughput) })) }
      : {}),
    ...(t.StreamSpecification ? { StreamSpecification: t.StreamSpecification } : {}),
    // Without an SSESpecification DynamoDB uses the AWS owned key, as BEFORE has it; with one, the AWS managed key alias/aws/dynamodb.
    ...(onKmsKey ? { SSESpecification: { Enabled: true, SSEType: "KMS" as const } } : {}),
    ...(tags ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } : {}),
  };
}

/** An empty zip archive (its end-of-central-directory record alone): moto stores the code and never runs it. */
const EMPTY_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x05, 0x06]), Buffer.alloc(18)]);

/**
 * Empties moto and creates the "before" account in it through the AWS APIs: the tables, PITR, the
 * events stream's Lambda consumer. `kmsKeyOn` puts that table on the AWS managed key, for
 * DescribeKey; then moto's key behind alias/aws/dynamodb is returned.
 */
async function createBeforeAccount(kmsKeyOn: string | undefined): Promise<string | undefined> {
  await moto.resetState();
  moto.reset();
  const dynamodb = new DynamoDBClient({ region: REGION });
  const streams: Record<string, string> = {};
  for (const [name, recordedTable] of Object.entries(BEFORE)) {
    const created = (await dynamodb.send(new CreateTableCommand(createTable(name, recordedTable, name === kmsKeyOn)))).TableDescription;
    if (created?.LatestStreamArn) streams[name] = created.LatestStreamArn;
    if (recordedTable.pitrDays !== undefined) {
      await dynamodb.send(
        new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: recordedTable.pitrDays } }),
      );
    }
  }
  const keyId = kmsKeyOn ? (await new KMSClient({ region: REGION }).send(new DescribeKeyCommand({ KeyId: "alias/aws/dynamodb" }))).KeyMetadata?.KeyId : undefined;
  const role = (await new IAMClient({ region: REGION }).send(new CreateRoleCommand({ RoleName: `${STREAM_CONSUMER}-role`, AssumeRolePolicyDocument: "{}" }))).Role!.Arn!;
  const lambda = new LambdaClient({ region: REGION });
  await lambda.send(new CreateFunctionCommand({ FunctionName: STREAM_CONSUMER, Runtime: "nodejs20.x", Role: role, Handler: "index.handler", Code: { ZipFile: EMPTY_ZIP } }));
  await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: STREAM_CONSUMER, EventSourceArn: streams["events"], StartingPosition: "LATEST" }));
  return keyId;
}

/** The before account moto holds (and the table on the AWS managed key), while no test has changed it since. */
let created: { readonly kmsKeyOn: string | undefined; readonly keyId: Promise<string | undefined> } | undefined;

/**
 * The before account for a test, which the report only reads (faults are injected in front of
 * moto): created once per `kmsKeyOn`, then reused with no rules but the recorded answers and no calls seen.
 */
async function beforeAccount(kmsKeyOn?: string): Promise<void> {
  if (created === undefined || created.kmsKeyOn !== kmsKeyOn) created = { kmsKeyOn, keyId: createBeforeAccount(kmsKeyOn) };
  const keyId = await created.keyId;
  moto.reset();
  moto.on("DescribeContributorInsights", ({ body }) => ({
    status: 200,
    body: JSON.stringify({ TableName: (JSON.parse(body) as { TableName: string }).TableName, ContributorInsightsStatus: "DISABLED" }),
    headers: { "content-type": "application/x-amz-json-1.0" },
  }));
  if (kmsKeyOn) moto.on("DescribeKey", awsManagedDynamoDbKey(keyId));
}


interface Run {
  readonly code: number;
  readonly err: string;
  readonly text: string;
  readonly report?: AdoptionReport;
}

/** `npm run adoption-report -- --stack prod` against moto: main under runCli, clients in standard retry mode. */
async function reportAgainstMoto(): Promise<Run> {
  let json = "";
  const err: string[] = [];
  const error = jest.spyOn(console, "error").mockImplementation((text: string) => void err.push(text));
  try {
    const running = main(["--stack", "prod", "--json"], { now: NOW, clients: (region) => defaultClients(region, "immediate"), print: (printed) => (json = printed) });
    runCli("adoption-report", () => running);
    await running.catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const code = process.exitCode as number;
    process.exitCode = undefined;
    const report = json ? (JSON.parse(json) as AdoptionReport) : undefined;
    return { code, err: err.join("\n"), text: report ? renderText(report) : "", report };
  } finally {
    error.mockRestore();
  }
}

const findingOf = (report: AdoptionReport | undefined, table: string, topic: string) => report?.tables.find((entry) => entry.key === table)?.findings.find((finding) => finding.topic === topic);

describeMoto("the adoption report against moto", () => {
  test("the before account, created through the AWS APIs, gets the findings of its recorded responses and the runbook's accept lines", async () => {
    await beforeAccount();
    const run = await reportAgainstMoto();
    expect(run.err).toBe("");
    expect(verdicts(run.report!)).toEqual(recorded);
    expect(acceptLines(run.text)).toEqual(BEFORE_ACCEPTED);
    expect(findingOf(run.report, "events", "stream")?.live).toContain(`function:${STREAM_CONSUMER}`);
    expect(findingOf(run.report, "users", "point-in-time recovery")?.live).toMatch(/7/);
    expect(run.code).toBe(1);
  }, 60_000);

  /** Every call the report makes (DescribeContributorInsights answered in front of moto). */
  const CALLS = ["DescribeTable", "DescribeContinuousBackups", "DescribeTimeToLive", "DescribeContributorInsights", "ListTagsOfResource", "ListEventSourceMappings"];
  const throttled = (protocol: WireProtocol, operation: string) =>
    operation === "ListEventSourceMappings" ? awsErrorAnswer(protocol, "TooManyRequestsException", "Rate exceeded", 429) : awsErrorAnswer(protocol, "ThrottlingException", "Rate exceeded");
  const denied = (protocol: WireProtocol) => awsErrorAnswer(protocol, "AccessDeniedException", "not authorized to perform this action", 403);

  test.each(CALLS)("%s throttled: the SDK's retries absorb it and the findings are unchanged", async (operation) => {
    await beforeAccount();
    let seen = 0;
    moto.on(operation, ({ protocol }) => (seen++ === 0 ? throttled(protocol, operation) : undefined));
    const run = await reportAgainstMoto();
    expect(run.err).toBe("");
    expect(verdicts(run.report!)).toEqual(recorded);
    expect(run.code).toBe(1);
    expect(seen).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test.each(CALLS)("%s denied: the report stops with one line naming the call, exit 2", async (operation) => {
    await beforeAccount();
    moto.on(operation, ({ protocol }) => denied(protocol));
    const run = await reportAgainstMoto();
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^adoption-report: ${operation} .*access denied`));
    expect(run.err).not.toContain("\n");
    expect(run.text).toBe("");
  }, 60_000);

  test("DescribeTable answers ResourceNotFoundException: one line naming the table and the region, exit 2", async () => {
    await beforeAccount();
    moto.on("DescribeTable", firstCalls(1, (protocol) => awsErrorAnswer(protocol, "ResourceNotFoundException", "Requested resource not found: Table: events not found")));
    const run = await reportAgainstMoto();
    expect(run.code).toBe(2);
    expect(run.err).toBe("adoption-report: DescribeTable events (ap-southeast-2): not found (Requested resource not found: Table: events not found).");
  }, 60_000);

  test("a table missing from the account (moto's own ResourceNotFoundException): one line, exit 2", async () => {
    await beforeAccount();
    created = undefined;
    await moto.resetState();
    const run = await reportAgainstMoto();
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^adoption-report: DescribeTable events \(ap-southeast-2\): not found \(/);
  }, 60_000);

  test("ListTagsOfResource answering in two pages (NextToken): every tag is read", async () => {
    // events carries one tag; a second one is added so there are two pages. moto never pages: the second page is answered here.
    await beforeAccount();
    let rest: unknown[] | undefined;
    moto.on("ListTagsOfResource", ({ body }) => {
      const request = JSON.parse(body) as { NextToken?: string; ResourceArn: string };
      if (!request.ResourceArn.endsWith("/events")) return undefined;
      if (request.NextToken === "page-2" && rest) return { status: 200, body: JSON.stringify({ Tags: rest }), headers: { "content-type": "application/x-amz-json-1.0" } };
      if (rest !== undefined) return undefined;
      return {
        rewrite: (json) => {
          rest = [{ Key: "backup", Value: "daily" }];
          return { ...json, NextToken: "page-2" };
        },
      };
    });
    const run = await reportAgainstMoto();
    expect(run.err).toBe("");
    expect(findingOf(run.report, "events", "tags")?.adoption).toMatch(/removes .*backup=daily/);
    expect(findingOf(run.report, "events", "tags")?.adoption).toMatch(/owner=legacy-team/);
  }, 60_000);

  test("ListEventSourceMappings answering an empty first page with a NextMarker: the next page's consumer is found", async () => {
    await beforeAccount();
    let first = true;
    moto.on("ListEventSourceMappings", () => {
      if (!first) return undefined;
      first = false;
      return { rewrite: (json) => ({ ...json, EventSourceMappings: [], NextMarker: "page-2" }) };
    });
    const run = await reportAgainstMoto();
    expect(run.err).toBe("");
    expect(verdicts(run.report!)).toEqual(recorded);
    expect(findingOf(run.report, "events", "stream")?.live).toContain(`function:${STREAM_CONSUMER}`);
    expect(moto.calls().filter((call) => call.operation === "ListEventSourceMappings")).toHaveLength(2);
  }, 60_000);

  describe("a table on the AWS managed key: kms:DescribeKey", () => {
    test("answered by KMS: the key is the AWS managed key, encryption ok", async () => {
      await beforeAccount("users");
      const run = await reportAgainstMoto();
      expect(run.err).toBe("");
      expect(findingOf(run.report, "users", "encryption")).toMatchObject({ verdict: "ok", live: expect.stringMatching(/^AWS managed key .*KeyManager AWS/) as unknown });
    }, 60_000);

    test("throttled: the SDK's retries absorb it", async () => {
      await beforeAccount("users");
      moto.on("DescribeKey", firstCalls(1, (protocol) => throttled(protocol, "DescribeKey")));
      const run = await reportAgainstMoto();
      expect(run.err).toBe("");
      expect(findingOf(run.report, "users", "encryption")?.verdict).toBe("ok");
    }, 60_000);

    test("denied: the finding says so and stops the adoption (exit 1), the report goes on", async () => {
      await beforeAccount("users");
      moto.on("DescribeKey", ({ protocol }) => denied(protocol));
      const run = await reportAgainstMoto();
      expect(run.err).toBe("");
      expect(findingOf(run.report, "users", "encryption")).toMatchObject({ verdict: "stop", adoption: expect.stringMatching(/kms:DescribeKey on .* was denied/) as unknown });
      expect(run.code).toBe(1);
    }, 60_000);

    test("not found: one line naming the call, exit 2", async () => {
      await beforeAccount("users");
      moto.on("DescribeKey", ({ protocol }) => awsErrorAnswer(protocol, "NotFoundException", "Key does not exist"));
      const run = await reportAgainstMoto();
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^adoption-report: DescribeKey arn:aws:kms:ap-southeast-2:123456789012:key\/.*: not found \(Key does not exist\)\.$/);
    }, 60_000);
  });
});
