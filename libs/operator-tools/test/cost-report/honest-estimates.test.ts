import { GetMetricDataCommand, type GetMetricDataCommandInput, type MetricDataResult } from "@aws-sdk/client-cloudwatch";
import { loadStackProgram, planDeclaredState } from "@dynamodb-platform/offline-plan";
import type { TableSpec } from "@dynamodb-platform/platform";
import type { CostReport } from "../../src/cost-report";
import { verdict } from "../../src/cost-report/estimate/table-cost";
import { PRICE_FILE_FORMAT } from "../../src/cost-report/price-list/price-list-file";
import { buildRateCard } from "../../src/cost-report/price-list/rate-card";
import { TEST_TABLES } from "@dynamodb-platform/testing";
import { CONSUMED, mockAccount, runTool, testSources } from "./fixtures/account";
import { CLOUDWATCH_PRICE_LIST, DASHBOARD_PRICE_LIST, DYNAMODB_PRICE_LIST } from "./fixtures/price-list";

const account = mockAccount();
beforeEach(() => account.reset());

const report = (stdout: string) => JSON.parse(stdout) as CostReport;
const table = (result: CostReport, key: string) => result.tables.find((t) => t.table === key)!;

/** GetMetricData as the fixture answers it, with the sessions table's results replaced by `status` on the pages `pages` picks. */
function sessionsAnswer(status: NonNullable<MetricDataResult["StatusCode"]>, pages: (call: number, token: string | undefined) => boolean, nextToken?: (token: string | undefined) => string | undefined) {
  let call = 0;
  return (input: GetMetricDataCommandInput) => {
    const sessions = input.MetricDataQueries?.[0]?.MetricStat?.Metric?.Dimensions?.[0]?.Value === "sessions";
    const queries = input.MetricDataQueries ?? [];
    if (!sessions) {
      return { MetricDataResults: queries.map((q) => ({ Id: q.Id, StatusCode: "Complete" as const, Timestamps: [], Values: [] })), Messages: [] };
    }
    call += 1;
    const broken = pages(call, input.NextToken);
    const key = (q: (typeof queries)[number]) => `sessions/${q.MetricStat?.Metric?.Dimensions?.[1]?.Value ?? ""}/${q.MetricStat?.Metric?.MetricName}`;
    const results: MetricDataResult[] = queries.map((q) => {
      const series = CONSUMED[key(q)] ?? { timestamps: [], values: [] };
      return broken
        ? { Id: q.Id, StatusCode: status, Timestamps: [], Values: [], Messages: status === "Forbidden" ? [{ Code: "Forbidden", Value: "not authorized for this metric" }] : [] }
        : { Id: q.Id, StatusCode: "Complete", Timestamps: [...series.timestamps], Values: [...series.values] };
    });
    const token = nextToken?.(input.NextToken);
    return { MetricDataResults: results, Messages: [], ...(token ? { NextToken: token } : {}) };
  };
}

describe("no verdict from missing data", () => {
  test("InternalError with no values: retried with backoff, then reported; the busy table is never told on-demand saves", async () => {
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("InternalError", () => true));
    const sleeps: number[] = [];
    const result = await runTool(["--stack", "prod", "--json"], testSources(undefined, sleeps));
    expect(result.code).toBe(1);
    const sessions = table(report(result.stdout), "sessions");
    expect(sessions.verdict).toBe("no verdict: the usage data is incomplete, so the on-demand figure is only a lower bound");
    expect(sessions.incomplete).toContain("ConsumedReadCapacityUnits: InternalError, still after 4 attempts");
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(report(result.stdout).complete).toBe(false);
    // The other tables read completely keep their verdicts.
    expect(table(report(result.stdout), "events")).toMatchObject({ incomplete: [], verdict: expect.stringMatching(/^on-demand saves /) as unknown });
  });

  test("the text report says INCOMPLETE next to the table's numbers and at the top", async () => {
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("InternalError", () => true));
    const result = await runTool(["--stack", "prod"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^INCOMPLETE: the usage of sessions could not be read completely; those tables get no verdict and the totals are lower bounds$/m);
    expect(result.stdout).toMatch(/hours with no data: 336 of 336 \(counted as 0\)\n {2}usage INCOMPLETE: ConsumedReadCapacityUnits: InternalError, still after 4 attempts\n/);
    const block = /^sessions: [\s\S]*?\n {2}verdict: .*$/m.exec(result.stdout)?.[0] ?? "";
    expect(block.split("\n").pop()).toBe("  verdict: no verdict: the usage data is incomplete, so the on-demand figure is only a lower bound");
  });

  test("an InternalError that clears on the retry gives a complete report", async () => {
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("InternalError", (call) => call === 1));
    const sleeps: number[] = [];
    const result = await runTool(["--stack", "prod", "--json"], testSources(undefined, sleeps));
    expect(result.code).toBe(0);
    expect(sleeps).toEqual([1000]);
    expect(table(report(result.stdout), "sessions").verdict).toBe("on-demand costs $30.53 more: the table is steadily busy, consider staying provisioned");
  });

  test("PartialData with a NextToken is followed; on the last page it is incomplete", async () => {
    // The first page is partial and points at a second, complete one.
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("PartialData", (_call, token) => token === undefined, (token) => (token === undefined ? "more" : undefined)));
    const followed = await runTool(["--stack", "prod", "--json"]);
    expect(followed.code).toBe(0);
    expect(table(report(followed.stdout), "sessions").incomplete).toEqual([]);

    account.reset();
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("PartialData", () => true));
    const partial = await runTool(["--stack", "prod", "--json"]);
    expect(partial.code).toBe(1);
    expect(table(report(partial.stdout), "sessions").incomplete).toContain("ConsumedWriteCapacityUnits: PartialData on the last page (no NextToken to follow)");
  });

  test("Forbidden is reported with CloudWatch's message, not retried", async () => {
    account.cloudwatch.on(GetMetricDataCommand).callsFake(sessionsAnswer("Forbidden", () => true));
    const sleeps: number[] = [];
    const result = await runTool(["--stack", "prod", "--json"], testSources(undefined, sleeps));
    expect(result.code).toBe(1);
    expect(sleeps).toEqual([]);
    expect(table(report(result.stdout), "sessions").incomplete).toContain("ConsumedReadCapacityUnits (userId-timestamp-index): Forbidden (Forbidden: not authorized for this metric)");
  });
});

describe("verdicts keep every cent", () => {
  test.each<[number, string]>([
    [0.4, "on-demand costs $0.40 more: the table is steadily busy, consider staying provisioned"],
    [-0.3, "on-demand saves $0.30 a month"],
    [-0.01, "on-demand saves $0.01 a month"],
    [0.004, "on-demand costs the same"],
  ])("a difference of %d dollars", (difference, expected) => {
    expect(verdict("PROVISIONED", 10, difference)).toBe(expected);
  });
});

describe("prices of the Standard table class only", () => {
  test("in us-east-1 (usage types without a region prefix) the Standard-IA read capacity price is not taken", () => {
    const unprefixed = (items: readonly string[]) => items.map((item) => item.replaceAll("APS2-", "").replaceAll('"regionCode":"ap-southeast-2"', '"regionCode":"us-east-1"'));
    const { rates } = buildRateCard({
      format: PRICE_FILE_FORMAT,
      region: "us-east-1",
      fetchedAt: "2026-07-15T10:30:00.000Z",
      items: { AmazonDynamoDB: unprefixed(DYNAMODB_PRICE_LIST), AmazonCloudWatch: unprefixed([...CLOUDWATCH_PRICE_LIST, ...DASHBOARD_PRICE_LIST]) },
    });
    expect(rates.provisionedReadHour).toMatchObject({ usd: 0.0002, usagetype: "ReadCapacityUnit-Hrs" });
  });
});

describe("contributor insights as the data stack declares it", () => {
  test("a table with a sort key: twice the rules and twice the events", async () => {
    // The events table as if the data stack declared it with a sort key.
    const withSortKey: TableSpec[] = TEST_TABLES.map((spec) => (spec.key === "events" ? { ...spec, rangeKey: { name: "at", type: "N" } } : spec));
    const declared = planDeclaredState({
      stack: "prod",
      programFor: (project) => {
        const program: unknown = loadStackProgram(project.dir);
        // The data stack's program takes the table specs to build (the production ones by default).
        const build = program as (specs?: readonly TableSpec[]) => Promise<object>;
        return project.project === "dynamodb-data" ? () => build(withSortKey) : () => build();
      },
    });
    const result = await runTool(["--stack", "prod", "--json"], testSources(() => declared));
    const cost = (feature: string) => report(result.stdout).addedFeatures.find((f) => f.feature === feature && f.table === "events");
    // 2 rules (accessed, throttled) x 2 with a sort key; events: (1000 + 100)/h x 730 x 2
    expect(cost("contributor insights rules")?.quantity).toBe(4);
    expect(cost("contributor insights events")?.quantity).toBeCloseTo(1_606_000, 6);
  }, 60_000);
});
