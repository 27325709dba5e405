import { dataStackName } from "@dynamodb-platform/platform";
import { exampleDataStackOutputs } from "@dynamodb-platform/testing";
import { evaluatePolicies, PLATFORM_POLICIES, underPolicy } from "@dynamodb-platform/policies";
import { expectRunFailure, MOCK_ORGANIZATION, resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { dashboardLimitProblems } from "../src/dashboard/limits";
import { operatorDashboard } from "../src/dashboard/operator-dashboard";
import { ALARM, STACKS, dataOutputsFor, runMonitoringStack } from "./run-monitoring-stack";

const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

/** The parts of a CloudWatch dashboard body the checks read, parsed from the planned input. */
interface Widget {
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  properties: { title?: string; region?: string; metrics?: unknown[][]; alarms?: string[]; markdown?: string };
}

function dashboardOf(run: ProgramRun): { name: string; widgets: Widget[] } {
  const dashboards = resourcesOfType(run, DASHBOARD);
  expect(dashboards).toHaveLength(1);
  const body = JSON.parse(String(dashboards[0].inputs["dashboardBody"])) as { widgets: Widget[] };
  return { name: String(dashboards[0].inputs["dashboardName"]), widgets: body.widgets };
}

/**
 * The documented structure (CloudWatch "Dashboard Body Structure and Syntax"): a widgets array of
 * 0-500; each widget a known type with integer x, y >= 0, width 1-24, height 1-1000, x + width <= 24
 * and a properties object; metric widgets a region and a metrics array whose rows are
 * [namespace, name, (dimension name, value)*, options?] or [{ expression, id }]; alarm widgets
 * 1-100 alarm ARNs; text widgets markdown. Returns what breaks it.
 */
function structureProblems(widgets: Widget[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(widgets) || widgets.length > 500) return ["widgets is not an array of at most 500"];
  widgets.forEach((widget, i) => {
    const where = `widget ${i} (${widget.properties?.title ?? widget.type})`;
    if (!["metric", "text", "alarm", "log", "explorer"].includes(widget.type)) problems.push(`${where}: type ${widget.type}`);
    const integer = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
    if (!integer(widget.x, 0, 23) || !integer(widget.y, 0, Number.MAX_SAFE_INTEGER)) problems.push(`${where}: position`);
    if (!integer(widget.width, 1, 24) || !integer(widget.height, 1, 1000)) problems.push(`${where}: size`);
    if (widget.x + widget.width > 24) problems.push(`${where}: x + width > 24`);
    if (typeof widget.properties !== "object" || widget.properties === null) problems.push(`${where}: properties`);
    if (widget.type === "metric") {
      if (typeof widget.properties.region !== "string") problems.push(`${where}: region`);
      const rows = widget.properties.metrics ?? [];
      if (rows.length < 1 || rows.length > 500) problems.push(`${where}: 1-500 metrics`);
      for (const row of rows) {
        const expression = row.length === 1 && typeof (row[0] as { expression?: unknown }).expression === "string" && typeof (row[0] as { id?: unknown }).id === "string";
        const last = row[row.length - 1];
        const strings = typeof last === "object" ? row.slice(0, -1) : row;
        const plain = strings.length >= 2 && strings.length % 2 === 0 && strings.every((item) => typeof item === "string" && item !== "");
        if (!expression && !plain) problems.push(`${where}: metrics row ${JSON.stringify(row)}`);
      }
    }
    if (widget.type === "alarm") {
      const alarms = widget.properties.alarms ?? [];
      if (alarms.length < 1 || alarms.length > 100 || !alarms.every((arn) => arn.startsWith("arn:aws:cloudwatch:"))) problems.push(`${where}: alarms`);
    }
    if (widget.type === "text" && typeof widget.properties.markdown !== "string") problems.push(`${where}: markdown`);
  });
  return problems;
}

function overlaps(widgets: Widget[]): boolean {
  return widgets.some((a, i) =>
    widgets.slice(i + 1).some((b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height),
  );
}

/** TableName values of plain metric rows, and tables named in query expressions. */
function tablesReferenced(widgets: Widget[]): Set<string> {
  const tables = new Set<string>();
  for (const row of widgets.flatMap((widget) => widget.properties.metrics ?? [])) {
    const expression = (row[0] as { expression?: string }).expression;
    if (expression !== undefined) {
      for (const match of expression.matchAll(/TableName\s*=\s*'([^']+)'/g)) tables.add(match[1]);
      continue;
    }
    const at = row.indexOf("TableName");
    if (at > 1) tables.add(String(row[at + 1]));
  }
  return tables;
}

const titled = (widgets: Widget[], title: string) => widgets.find((widget) => widget.properties.title === title);

describe.each(STACKS)("the operators' dashboard (%s)", (stack) => {
  let run: ProgramRun;
  let dashboard: { name: string; widgets: Widget[] };
  const tableNames = dataOutputsFor(stack).tableNames;
  beforeAll(async () => {
    run = await runMonitoringStack(stack);
    dashboard = dashboardOf(run);
  });

  test(`one dashboard named dynamodb-${stack}, its console URL exported`, () => {
    expect(dashboard.name).toBe(`dynamodb-${stack}`);
    expect(run.outputs["dashboardName"]).toBe(`dynamodb-${stack}`);
    expect(run.outputs["dashboardUrl"]).toBe(
      `https://ap-southeast-2.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-2#dashboards/dashboard/dynamodb-${stack}`,
    );
  });

  test("the body has the documented dashboard structure, on the grid, without overlapping widgets", () => {
    expect(structureProblems(dashboard.widgets)).toEqual([]);
    expect(overlaps(dashboard.widgets)).toBe(false);
    expect(dashboard.widgets.filter((w) => w.type === "metric").every((w) => w.properties.region === "ap-southeast-2")).toBe(true);
  });

  test("every metric uses a dimension set DynamoDB publishes (judged by the platform's policy)", async () => {
    const rule = PLATFORM_POLICIES.filter((policy) => policy.name === "dashboards-on-published-dynamodb-metrics");
    expect(rule).toHaveLength(1);
    expect(await evaluatePolicies(underPolicy(run.resources), {}, rule)).toEqual([]);
  });

  test("every table of the data stack has its row, and nothing refers to another table", () => {
    for (const table of Object.values(tableNames)) {
      for (const title of [
        `${table}: consumed units per second`,
        `${table}: throttle events`,
        `${table}: successful request latency p50 (ms)`,
        `${table}: successful request latency p99 (ms)`,
        `${table}: system errors (HTTP 500), all operations`,
      ]) {
        expect(titled(dashboard.widgets, title)).toBeDefined();
      }
      const rowY = titled(dashboard.widgets, `${table}: throttle events`)!.y;
      expect(dashboard.widgets.filter((w) => w.y === rowY)).toHaveLength(5);
    }
    expect([...tablesReferenced(dashboard.widgets)].sort()).toEqual(Object.values(tableNames).sort());
  });

  test("capacity is shown per second: the per-minute Sum divided by the period", () => {
    const rows = titled(dashboard.widgets, `${tableNames["users"]}: consumed units per second`)!.properties.metrics!;
    expect(rows).toEqual([
      ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", tableNames["users"], { id: "reads", stat: "Sum", visible: false }],
      ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", tableNames["users"], { id: "writes", stat: "Sum", visible: false }],
      [{ expression: "reads / PERIOD(reads)", id: "readsPerSecond", label: "read units/s" }],
      [{ expression: "writes / PERIOD(writes)", id: "writesPerSecond", label: "write units/s" }],
    ]);
  });

  test("latency p50 and p99 per operation the tables serve, each line TableName + Operation", () => {
    for (const stat of ["p50", "p99"]) {
      const widget = titled(dashboard.widgets, `${tableNames["sessions"]}: successful request latency ${stat} (ms)`)!;
      expect(widget.properties).toMatchObject({ stat });
      const operations = widget.properties.metrics!.map((row) => {
        expect(row.slice(0, 4)).toEqual(["AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", tableNames["sessions"]]);
        expect(row[4]).toBe("Operation");
        return row[5];
      });
      expect(operations).toEqual(expect.arrayContaining(["GetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem"]));
      expect(new Set(operations).size).toBe(operations.length);
    }
  });

  test("SystemErrors graphs exactly the query its table's alarm judges", () => {
    for (const [key, table] of Object.entries(tableNames)) {
      const alarm = resourcesOfType(run, ALARM).find((a) => a.name === `systemerrors-${key}-${stack}`)!;
      const alarmQuery = (alarm.inputs["metricQueries"] as { expression?: string; period?: number }[]).find((q) => q.expression?.startsWith("SELECT"))!;
      const rows = titled(dashboard.widgets, `${table}: system errors (HTTP 500), all operations`)!.properties.metrics!;
      expect(rows).toEqual([[expect.objectContaining({ expression: alarmQuery.expression, period: alarmQuery.period })]]);
    }
  });

  test("at the top: the account-wide UserErrors (no dimensions) and the state of every alarm the stack declares", () => {
    const userErrors = titled(dashboard.widgets, "User errors (HTTP 400), whole account and region")!;
    expect(userErrors.properties.metrics).toEqual([["AWS/DynamoDB", "UserErrors", { label: "UserErrors" }]]);
    const alarmWidget = dashboard.widgets.find((w) => w.type === "alarm")!;
    const declared = resourcesOfType(run, ALARM).map((alarm) => `arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:${String(alarm.inputs["name"])}`);
    expect([...alarmWidget.properties.alarms!].sort()).toEqual(declared.sort());
    const firstTableRow = Math.min(...dashboard.widgets.filter((w) => w.properties.title?.includes(": ")).map((w) => w.y));
    expect(userErrors.y).toBeLessThan(firstTableRow);
    expect(alarmWidget.y).toBeLessThan(firstTableRow);
  });

  test("the events table's hot keys: where to find them, since the rule names cannot be graphed", () => {
    const notes = dashboard.widgets.filter((w) => w.type === "text" && w.properties.markdown!.includes("most accessed and most throttled keys"));
    expect(notes).toHaveLength(1);
    expect(notes[0].properties.markdown).toContain(`## ${tableNames["events"]}: most accessed`);
    expect(notes[0].y).toBeGreaterThan(titled(dashboard.widgets, `${tableNames["events"]}: throttle events`)!.y);
  });
});

describe("the dashboard follows the data stack's tables", () => {
  const outputs = (tableNames: Record<string, string>) => ({ [dataStackName(MOCK_ORGANIZATION, "dev")]: { ...exampleDataStackOutputs({ tableNames }) } });

  test.each([1, 7])("%i table(s): one row each, no other table", async (count) => {
    const tableNames = Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, `t${i}-dev`]));
    const { widgets } = dashboardOf(await runMonitoringStack("dev", {}, outputs(tableNames)));
    expect([...tablesReferenced(widgets)].sort()).toEqual(Object.values(tableNames).sort());
    expect(widgets.filter((w) => w.properties.title?.endsWith(": throttle events"))).toHaveLength(count);
    expect(structureProblems(widgets)).toEqual([]);
  });

  test("the hot keys notes follow the data stack's contributorInsightsModes output, whatever the specs say", async () => {
    const tableNames = { events: "events-dev", users: "users-dev" };
    const reference = { [dataStackName(MOCK_ORGANIZATION, "dev")]: { ...exampleDataStackOutputs({ tableNames, contributorInsightsModes: { users: "THROTTLED_KEYS" } }) } };
    const { widgets } = dashboardOf(await runMonitoringStack("dev", {}, reference));
    const notes = widgets.filter((w) => w.type === "text" && w.properties.markdown!.includes("most accessed and most throttled keys"));
    expect(notes.map((w) => w.properties.markdown!.split("\n")[0])).toEqual(["## users-dev: most accessed and most throttled keys"]);
  });

  test("80 tables fit CloudWatch's 2500 metrics a dashboard (31 a table and the account-wide UserErrors); 81 do not", () => {
    const problems = (count: number) => {
      const tableNames = Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, `t${i}-dev`]));
      const alarmArns = Array.from({ length: count + 1 }, (_, i) => `arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:a${i}`);
      return dashboardLimitProblems("dynamodb-dev", operatorDashboard({ name: "dynamodb-dev", region: "ap-southeast-2", tableNames, contributorInsightsTables: new Set(), alarmArns }));
    };
    expect(problems(80)).toEqual([]);
    expect(problems(81)).toEqual(["graphs 2512 metrics, more than the 2500 CloudWatch allows per dashboard"]);
  });

  test("more tables than one dashboard can graph stop the run with a named error, before the dashboard is declared", async () => {
    const tableNames = Object.fromEntries(Array.from({ length: 81 }, (_, i) => [`t${i}`, `t${i}-dev`]));
    const failure = await expectRunFailure(runMonitoringStack("dev", {}, outputs(tableNames)));
    expect(failure.name).toBe("DashboardLimitError");
    expect(failure.message).toMatch(/^CloudWatch dashboard 'dynamodb-dev' graphs \d+ metrics, more than the 2500 CloudWatch allows per dashboard\. Fix: /);
    expect(failure.resources.filter((r) => r.type === DASHBOARD)).toEqual([]);
  });
});
