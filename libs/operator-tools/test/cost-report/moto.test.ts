import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from "@aws-sdk/client-cloudwatch";
import { CreateTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { awsErrorAnswer, motoTier, startMoto, useEndpoint, type Moto } from "@dynamodb-platform/testing";
import type { CostReport } from "../../src/cost-report";
import { PRICE_FILE_FORMAT } from "../../src/cost-report/price-list/price-list-file";
import { runTool, testSources } from "./fixtures/account";
import { CLOUDWATCH_PRICE_LIST, DASHBOARD_PRICE_LIST, DYNAMODB_PRICE_LIST } from "./fixtures/price-list";

/*
 * The moto tier: the cost report against a real implementation of DynamoDB's DescribeTable and
 * CloudWatch's GetMetricData (moto_server on 127.0.0.1), with the prod tables created and their
 * consumed capacity put as hourly datapoints through the AWS APIs. Prices come from a saved price
 * file (moto has no Price List API). Faults are injected in front of moto in each call's wire
 * protocol, result statuses by rewriting moto's GetMetricData answer.
 */
const REGION = "ap-southeast-2";
const runs = motoTier();
const describeMoto = runs ? describe : describe.skip;
const HOUR_MS = 3600 * 1000;

let moto: Moto;
let restoreEnvironment: () => void;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cost-report-moto-"));
const prices = path.join(dir, "prices.json");
/** The run's clock, and the last whole hour before it, where the report's window ends (usageWindow). */
const now = new Date();
const windowEnd = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);

beforeAll(async () => {
  fs.writeFileSync(
    prices,
    JSON.stringify({ format: PRICE_FILE_FORMAT, region: REGION, fetchedAt: "2026-07-15T10:30:00.000Z", items: { AmazonDynamoDB: DYNAMODB_PRICE_LIST, AmazonCloudWatch: [...CLOUDWATCH_PRICE_LIST, ...DASHBOARD_PRICE_LIST] } }),
  );
  if (!runs) return;
  moto = await startMoto();
  restoreEnvironment = useEndpoint(moto.endpoint);
}, 60_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (!runs) return;
  restoreEnvironment();
  await moto.stop();
});

/** One datapoint in the middle of each of the 24 hours before the window's end. */
function hourly(metric: string, table: string, value: number, index?: string): MetricDatum[] {
  const dimensions = [{ Name: "TableName", Value: table }, ...(index ? [{ Name: "GlobalSecondaryIndexName", Value: index }] : [])];
  return Array.from({ length: 24 }, (_, i) => ({ MetricName: metric, Dimensions: dimensions, Value: value, Unit: "Count", Timestamp: new Date(windowEnd.getTime() - (i + 0.5) * HOUR_MS) }));
}

/** The prod tables as they are before the adoption: events and sessions provisioned, users on demand. */
async function createTables(): Promise<void> {
  await moto.resetState();
  const dynamodb = new DynamoDBClient({ region: REGION });
  const provisioned = (read: number, write: number) => ({ ReadCapacityUnits: read, WriteCapacityUnits: write });
  await dynamodb.send(new CreateTableCommand({ TableName: "events", KeySchema: [{ AttributeName: "eventId", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "eventId", AttributeType: "S" }], BillingMode: "PROVISIONED", ProvisionedThroughput: provisioned(100, 100) }));
  await dynamodb.send(
    new CreateTableCommand({
      TableName: "sessions",
      KeySchema: [{ AttributeName: "sessionId", KeyType: "HASH" }],
      AttributeDefinitions: [
        { AttributeName: "sessionId", AttributeType: "S" },
        { AttributeName: "userId", AttributeType: "S" },
        { AttributeName: "timestamp", AttributeType: "N" },
      ],
      BillingMode: "PROVISIONED",
      ProvisionedThroughput: provisioned(10, 10),
      GlobalSecondaryIndexes: [
        {
          IndexName: "userId-timestamp-index",
          KeySchema: [
            { AttributeName: "userId", KeyType: "HASH" },
            { AttributeName: "timestamp", KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
          ProvisionedThroughput: provisioned(5, 5),
        },
      ],
    }),
  );
  await dynamodb.send(new CreateTableCommand({ TableName: "users", KeySchema: [{ AttributeName: "userId", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "userId", AttributeType: "S" }], BillingMode: "PAY_PER_REQUEST" }));
  const cloudwatch = new CloudWatchClient({ region: REGION });
  const series = [
    ...hourly("ConsumedReadCapacityUnits", "events", 1000),
    ...hourly("ConsumedWriteCapacityUnits", "events", 100),
    ...hourly("ConsumedReadCapacityUnits", "sessions", 32_400),
    ...hourly("ConsumedWriteCapacityUnits", "sessions", 32_400),
    ...hourly("ConsumedWriteCapacityUnits", "sessions", 1000, "userId-timestamp-index"),
    ...hourly("ConsumedReadCapacityUnits", "users", 10),
  ];
  // AWS takes up to 1,000 datapoints a call; moto fails on large batches, so they go in twenties.
  for (let start = 0; start < series.length; start += 20) {
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: "AWS/DynamoDB", MetricData: series.slice(start, start + 20) }));
  }
}

/** The tables and their usage in moto, created once: the report only reads them (faults are injected in front of moto). */
let created: Promise<void> | undefined;

/** A test's start: the tables in moto, no rules, no calls seen. */
async function seed(): Promise<void> {
  created ??= createTables();
  await created;
  moto.reset();
}

const report = async (sleeps: number[] = []) => {
  const result = await runTool(["--stack", "prod", "--days", "1", "--json", "--prices", prices], testSources(undefined, sleeps), now);
  return { ...result, json: result.stdout ? (JSON.parse(result.stdout) as CostReport) : undefined };
};
const verdicts = (json: CostReport | undefined) => Object.fromEntries((json?.tables ?? []).map((table) => [table.table, table.verdict]));
const EXPECTED_VERDICTS = {
  // (100 x 0.0002 + 100 x 0.001) x 730 = 87.60 now; (1000 x 0.0000003 + 100 x 0.0000015) x 730 = 0.3285 on demand
  events: "on-demand saves $87.27 a month",
  // now (10, 10 and GSI 5, 5): 13.14; on demand: 32,400 x 0.0000018 x 730 + 1000 x 0.0000015 x 730 = 43.6686
  sessions: "on-demand costs $30.53 more: the table is steadily busy, consider staying provisioned",
  users: "already on-demand: about $0.00 a month",
};

describeMoto("the cost report against moto", () => {
  test("tables and hourly consumed capacity read through the real APIs give the expected verdicts", async () => {
    await seed();
    const { code, stderr, json } = await report();
    expect(stderr).toBe("");
    expect(verdicts(json)).toEqual(EXPECTED_VERDICTS);
    expect(json?.tables.find((table) => table.table === "sessions")?.hoursWithoutData).toBe(0);
    expect(code).toBe(0);
  }, 60_000);

  test.each(["DescribeTable", "GetMetricData"])("%s throttled: retried by the SDK, the same report", async (operation) => {
    await seed();
    let seen = 0;
    moto.on(operation, ({ protocol }) => (seen++ === 0 ? awsErrorAnswer(protocol, "ThrottlingException", "Rate exceeded") : undefined));
    const { code, json } = await report();
    expect(verdicts(json)).toEqual(EXPECTED_VERDICTS);
    expect(code).toBe(0);
    expect(seen).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test.each(["DescribeTable", "GetMetricData"])("%s denied: one line naming the call, exit 2", async (operation) => {
    await seed();
    moto.on(operation, ({ protocol }) => awsErrorAnswer(protocol, "AccessDeniedException", "not authorized to perform this action", 403));
    const { code, stderr } = await report();
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^cost-report: ${operation} events.*access denied`));
  }, 60_000);

  test("a table that does not exist: one line naming it and the region, exit 2", async () => {
    await seed();
    moto.on("DescribeTable", ({ body, protocol }) => ((JSON.parse(body) as { TableName: string }).TableName === "sessions" ? awsErrorAnswer(protocol, "ResourceNotFoundException", "Requested resource not found: Table: sessions not found") : undefined));
    const { code, stderr } = await report();
    expect(code).toBe(2);
    expect(stderr).toMatch(/^cost-report: DescribeTable sessions \(ap-southeast-2\): not found/);
  }, 60_000);

  /** Rewrites moto's GetMetricData answers for the sessions table: every result gets `status` and loses its values. */
  const sessionsResults = (status: string) =>
    moto.on("GetMetricData", ({ body }) =>
      body.includes('"Value":"sessions"')
        ? { rewrite: (json) => ({ ...json, MetricDataResults: (json["MetricDataResults"] as object[]).map((result) => ({ ...result, StatusCode: status, Values: [], Timestamps: [] })) }) }
        : undefined,
    );

  test("InternalError on every attempt: retried, then the table is INCOMPLETE with no verdict, exit 1", async () => {
    await seed();
    sessionsResults("InternalError");
    const sleeps: number[] = [];
    const { code, json } = await report(sleeps);
    expect(verdicts(json)).toEqual({ ...EXPECTED_VERDICTS, sessions: "no verdict: the usage data is incomplete, so the on-demand figure is only a lower bound" });
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(json?.complete).toBe(false);
    expect(code).toBe(1);
  }, 60_000);

  test("Forbidden: INCOMPLETE with no verdict, exit 1", async () => {
    await seed();
    sessionsResults("Forbidden");
    const { code, json } = await report();
    expect(json?.tables.find((table) => table.table === "sessions")?.incomplete).toContain("ConsumedReadCapacityUnits: Forbidden");
    expect(code).toBe(1);
  }, 60_000);

  test("PartialData with a NextToken: the next page is read and the report is whole", async () => {
    await seed();
    // The first answer for sessions keeps the older half of each series and points at a second page.
    const secondHalves = new Map<string, { Timestamps: unknown[]; Values: unknown[] }>();
    moto.on("GetMetricData", ({ body }) => {
      if (!body.includes('"Value":"sessions"')) return undefined;
      if ((JSON.parse(body) as { NextToken?: string }).NextToken === "page-2") {
        const results = [...secondHalves].map(([Id, rest]) => ({ Id, StatusCode: "Complete", ...rest }));
        return { status: 200, body: JSON.stringify({ MetricDataResults: results, Messages: [] }), headers: { "content-type": "application/x-amz-json-1.0" } };
      }
      return {
        rewrite: (json) => ({
          ...json,
          NextToken: "page-2",
          MetricDataResults: (json["MetricDataResults"] as { Id: string; Timestamps: unknown[]; Values: unknown[] }[]).map((result) => {
            const half = Math.ceil(result.Values.length / 2);
            secondHalves.set(result.Id, { Timestamps: result.Timestamps.slice(half), Values: result.Values.slice(half) });
            return { ...result, StatusCode: "PartialData", Timestamps: result.Timestamps.slice(0, half), Values: result.Values.slice(0, half) };
          }),
        }),
      };
    });
    const { code, json } = await report();
    expect(verdicts(json)).toEqual(EXPECTED_VERDICTS);
    expect(code).toBe(0);
  }, 60_000);
});
