import { GetMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { GetProductsCommand, type PricingClient } from "@aws-sdk/client-pricing";
import type { CostReport } from "../../src/cost-report";
import { GIB, WINDOW_END, WINDOW_HOURS, mockAccount, runTool } from "./fixtures/account";

/*
 * Expected figures are worked out by hand from the fixtures (prices in fixtures/price-list.ts:
 * RCU-hour 0.0002, WCU-hour 0.001, RRU 0.0000003, WRU 0.0000015, GB-month 0.30, PITR GB-month 0.24,
 * contributor insights rule 0.60 and event 0.00000003, alarm metric 0.10, Metrics Insights metric
 * 0.11, dashboard 3.00; 730 hours a month; a 336-hour window).
 */
const account = mockAccount();
beforeEach(() => account.reset());

async function jsonReport(extra: readonly string[] = []): Promise<CostReport> {
  const result = await runTool(["--stack", "prod", "--json", ...extra]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CostReport;
}

function table(report: CostReport, key: string) {
  const found = report.tables.find((t) => t.table === key);
  if (!found) throw new Error(`no ${key} in report`);
  return found;
}

describe("per table: now, on-demand, difference and a verdict", () => {
  test("an over-provisioned table saves on-demand", async () => {
    const events = table(await jsonReport(), "events");
    // now: (100 x 0.0002 + 100 x 0.001) x 730 = 87.60, + storage 2 GB x 0.30 = 0.60
    expect(events.nowUsd).toBeCloseTo(88.2, 6);
    // on-demand: (1000/h x 0.0000003 + 100/h x 0.0000015) x 730 = 0.3285, + storage 0.60
    expect(events.onDemandUsd).toBeCloseTo(0.9285, 6);
    expect(events.differenceUsd).toBeCloseTo(-87.2715, 6);
    expect(events.verdict).toBe("on-demand saves $87.27 a month");
  });

  test("a steadily busy table costs more on-demand, GSI included", async () => {
    const sessions = table(await jsonReport(), "sessions");
    const gsi = sessions.indexes.find((line) => line.index === "userId-timestamp-index");
    // GSI: provisioned (5 x 0.0002 + 5 x 0.001) x 730 = 4.38; on-demand 1000 WCU/h x 0.0000015 x 730 = 1.095
    expect(gsi).toMatchObject({ provisionedRead: 5, provisionedWrite: 5, consumedRead: 0, consumedWrite: 1000 * WINDOW_HOURS });
    expect(gsi?.provisionedUsd).toBeCloseTo(4.38, 6);
    expect(gsi?.onDemandUsd).toBeCloseTo(1.095, 6);
    // now: table 8.76 + GSI 4.38 + storage (0.75 + 0.25 GB) x 0.30 = 13.44
    expect(sessions.sizeBytes).toBe(GIB);
    expect(sessions.nowUsd).toBeCloseTo(13.44, 6);
    // on-demand: 32,400 RCU/h and WCU/h x (0.0000003 + 0.0000015) x 730 = 42.5736, + 1.095 + 0.30
    expect(sessions.onDemandUsd).toBeCloseTo(43.9686, 6);
    expect(sessions.verdict).toBe("on-demand costs $30.53 more: the table is steadily busy, consider staying provisioned");
  });

  test("a table already on-demand is priced on-demand both ways", async () => {
    const users = table(await jsonReport(), "users");
    // (1000 RRU x 0.0000003 + 50 WRU x 0.0000015) / 336 h x 730 = 0.00081473..., + storage 10 GB x 0.30
    expect(users.billingMode).toBe("PAY_PER_REQUEST");
    expect(users.nowUsd).toBeCloseTo(3.000814732, 6);
    expect(users.onDemandUsd).toBeCloseTo(users.nowUsd, 9);
    expect(users.differenceUsd).toBe(0);
    expect(users.verdict).toBe("already on-demand: about $3.00 a month");
  });

  test("hours without a datapoint count as 0 and are counted", async () => {
    const report = await jsonReport();
    const users = table(report, "users");
    // Reads in 3 hours (one shared with the only write): 333 of 336 hours had no data.
    expect(users.hoursWithoutData).toBe(WINDOW_HOURS - 3);
    expect(users.indexes[0]).toMatchObject({ consumedRead: 1000, consumedWrite: 50 });
    expect(table(report, "events").hoursWithoutData).toBe(0);
  });
});

describe("the recurring costs the refactor adds", () => {
  test("PITR, contributor insights, alarms and dashboard", async () => {
    const report = await jsonReport();
    const cost = (feature: string) => report.addedFeatures.find((f) => f.feature.startsWith(feature));
    // PITR on users: 10 GB x 0.24
    expect(cost("point-in-time recovery")).toMatchObject({ table: "users", quantity: 10 });
    expect(cost("point-in-time recovery")?.monthlyUsd).toBeCloseTo(2.4, 9);
    // events has a partition key only: 2 rules x 0.60
    expect(cost("contributor insights rules")).toMatchObject({ table: "events", quantity: 2 });
    expect(cost("contributor insights rules")?.monthlyUsd).toBeCloseTo(1.2, 9);
    // events follow events' consumed units: (1000 + 100)/h x 730 = 803,000 events x 0.00000003
    expect(cost("contributor insights events")?.quantity).toBeCloseTo(803_000, 6);
    expect(cost("contributor insights events")?.monthlyUsd).toBeCloseTo(0.02409, 9);
    // What the monitoring stack declares for prod: the UserErrors alarm reads one metric (x 0.10); the
    // three SystemErrors alarms are Metrics Insights queries, 3 x 14 metrics x 0.11; one dashboard x 3.00
    expect(cost("standard-resolution alarms")).toMatchObject({ feature: "standard-resolution alarms (usererrors-dynamodb-prod)", quantity: 1 });
    expect(cost("standard-resolution alarms")?.monthlyUsd).toBeCloseTo(0.1, 9);
    expect(cost("Metrics Insights alarms")).toMatchObject({
      feature: "Metrics Insights alarms (3 x up to 14 metrics: systemerrors-events-prod, systemerrors-sessions-prod, systemerrors-users-prod)",
      quantity: 42,
      price: { usd: 0.11, usagetype: "APS2-CW:MetricInsightAlarmUsage" },
    });
    expect(cost("Metrics Insights alarms")?.monthlyUsd).toBeCloseTo(4.62, 9);
    expect(cost("dashboard")?.monthlyUsd).toBeCloseTo(3, 9);
    expect(report.totals.addedFeaturesUsd).toBeCloseTo(11.34409, 9);
  });

  test("totals add the tables and the features", async () => {
    const { totals } = await jsonReport();
    expect(totals.nowUsd).toBeCloseTo(88.2 + 13.44 + 3.000814732, 6);
    expect(totals.onDemandUsd).toBeCloseTo(0.9285 + 43.9686 + 3.000814732, 6);
    expect(totals.afterRefactorUsd).toBeCloseTo(0.9285 + 43.9686 + 3.000814732 + 11.34409, 6);
  });
});

describe("what the report asks AWS", () => {
  test("hourly sums of consumed capacity for each table and GSI over the window, followed through NextToken", async () => {
    await jsonReport();
    const calls = account.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input);
    const sessionsCalls = calls.filter((input) => input.MetricDataQueries?.[0]?.MetricStat?.Metric?.Dimensions?.[0]?.Value === "sessions");
    expect(sessionsCalls.map((input) => input.NextToken)).toEqual([undefined, "page-2"]);
    const first = sessionsCalls[0];
    expect(first?.StartTime).toEqual(new Date(WINDOW_END.getTime() - WINDOW_HOURS * 3600 * 1000));
    expect(first?.EndTime).toEqual(WINDOW_END);
    expect(first?.MetricDataQueries?.map((q) => [q.MetricStat?.Metric?.MetricName, q.MetricStat?.Metric?.Dimensions, q.MetricStat?.Period, q.MetricStat?.Stat])).toEqual([
      ["ConsumedReadCapacityUnits", [{ Name: "TableName", Value: "sessions" }], 3600, "Sum"],
      ["ConsumedWriteCapacityUnits", [{ Name: "TableName", Value: "sessions" }], 3600, "Sum"],
      ["ConsumedReadCapacityUnits", [{ Name: "TableName", Value: "sessions" }, { Name: "GlobalSecondaryIndexName", Value: "userId-timestamp-index" }], 3600, "Sum"],
      ["ConsumedWriteCapacityUnits", [{ Name: "TableName", Value: "sessions" }, { Name: "GlobalSecondaryIndexName", Value: "userId-timestamp-index" }], 3600, "Sum"],
    ]);
  });

  test("prices of the stack's region from the Price List endpoint in us-east-1, every page", async () => {
    await jsonReport();
    const calls = account.pricing.commandCalls(GetProductsCommand);
    const region = await (calls[0]?.thisValue as PricingClient).config.region();
    expect(region).toBe("us-east-1");
    const dynamodbPages = calls.map((call) => call.args[0].input).filter((input) => input.ServiceCode === "AmazonDynamoDB");
    expect(dynamodbPages.map((input) => input.NextToken)).toEqual([undefined, "3", "6"]);
    expect(dynamodbPages[0]?.Filters).toEqual([{ Type: "TERM_MATCH", Field: "regionCode", Value: "ap-southeast-2" }]);
  });
});

describe("the text report", () => {
  test("shows each table's verdict, the totals, the features, the approximations and the price list used", async () => {
    const result = await runTool(["--stack", "prod"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Prices: AWS Price List API (GetProducts), fetched 2026-07-15T10:30:00.000Z: AmazonDynamoDB published 2026-06-12T00:00:00Z (version 20260612000000), AmazonCloudWatch published 2026-07-01T00:00:00Z");
    expect(result.stdout).toContain("verdict: on-demand saves $87.27 a month");
    expect(result.stdout).toContain("verdict: on-demand costs $30.53 more: the table is steadily busy, consider staying provisioned");
    expect(result.stdout).toContain("verdict: already on-demand: about $3.00 a month");
    expect(result.stdout).toContain("hours with no data: 333 of 336 (counted as 0)");
    expect(result.stdout).toMatch(/point-in-time recovery \(users\)\s+10 GB-month\s+\$0\.24 per GB-Mo \(APS2-TimedPITRStorage-ByteHrs\)\s+\$2\.40/);
    expect(result.stdout).toContain("consumed capacity units stand in for request units");
  });
});
