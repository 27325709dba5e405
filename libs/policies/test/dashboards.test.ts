import { evaluatePolicies, PLATFORM_POLICIES, type ResourceUnderPolicy } from "../src";

const POLICY = "dashboards-on-published-dynamodb-metrics";
const rule = PLATFORM_POLICIES.filter((policy) => policy.name === POLICY);

/** A dashboard of one metric widget graphing `metrics` (rows as the CloudWatch body takes them). */
function dashboard(metrics: unknown[][]): ResourceUnderPolicy {
  const body = { widgets: [{ type: "metric", x: 0, y: 0, width: 12, height: 6, properties: { title: "graph", region: "ap-southeast-2", metrics } }] };
  return { type: "aws:cloudwatch/dashboard:Dashboard", name: "dashboard-dynamodb-dev", props: { dashboardName: "dynamodb-dev", dashboardBody: JSON.stringify(body) } };
}

const messages = async (resource: ResourceUnderPolicy) => (await evaluatePolicies([resource], {}, rule)).map((v) => v.message);

test("the policy is registered in the pack, mandatory", () => {
  expect(rule).toHaveLength(1);
  expect(rule[0].enforcementLevel).toBe("mandatory");
});

test.each([
  ["capacity per table", [["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", "events-dev", { stat: "Sum" }]]],
  ["capacity per index", [["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", "sessions-dev", "GlobalSecondaryIndexName", "by-user"]]],
  ["latency per operation", [["AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", "events-dev", "Operation", "GetItem", { stat: "p99" }]]],
  ["latency with the '.' shorthand", [["AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", "t", "Operation", "GetItem"], [".", ".", ".", ".", ".", "Query"]]],
  ["UserErrors with no dimensions", [["AWS/DynamoDB", "UserErrors", { stat: "Sum" }]]],
  [
    "SystemErrors through the alarm's Metrics Insights query",
    [[{ id: "q", expression: "SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", Operation, TableName) WHERE TableName = 'events-dev'" }]],
  ],
  ["latency through a SEARCH on the published schema", [[{ id: "s", expression: "SEARCH('{AWS/DynamoDB,Operation,TableName} MetricName=\"SuccessfulRequestLatency\"', 'p99', 60)" }]]],
  ["a metric of another namespace", [["AWS/Lambda", "Errors", "FunctionName", "f"]]],
  ["metric math over other rows", [["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", "t", { id: "r", visible: false }], [{ id: "e", expression: "r/PERIOD(r)" }]]],
])("accepts %s", async (_, metrics) => {
  expect(await messages(dashboard(metrics))).toEqual([]);
});

test.each([
  ["SystemErrors by TableName alone", [["AWS/DynamoDB", "SystemErrors", "TableName", "events-dev"]], /graphs SystemErrors by TableName in 'graph'.*Fix: graph SystemErrors by Operation \+ TableName/],
  ["latency by TableName alone", [["AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", "events-dev", { stat: "p50" }]], /SuccessfulRequestLatency by TableName.*never publishes/],
  ["UserErrors per table", [["AWS/DynamoDB", "UserErrors", "TableName", "events-dev"]], /UserErrors by TableName.*Fix: graph UserErrors by no dimensions/],
  ["latency with no dimensions", [["AWS/DynamoDB", "SuccessfulRequestLatency"]], /SuccessfulRequestLatency by no dimensions/],
  ["throttles with an Operation", [["AWS/DynamoDB", "ReadThrottleEvents", "TableName", "t", "Operation", "GetItem"]], /ReadThrottleEvents by TableName \+ Operation/],
  ["a misspelt metric", [["AWS/DynamoDB", "ConsumedReadCapacity", "TableName", "t"]], /ConsumedReadCapacity is not a metric DynamoDB publishes/],
  [
    "SystemErrors through a query on the TableName schema alone",
    [[{ id: "q", expression: "SELECT SUM(SystemErrors) FROM SCHEMA(\"AWS/DynamoDB\", TableName) WHERE TableName = 't'" }]],
    /SystemErrors by TableName/,
  ],
  ["latency through a SEARCH on the TableName schema", [[{ id: "s", expression: "SEARCH('{AWS/DynamoDB,TableName} MetricName=\"SuccessfulRequestLatency\"', 'p99', 60)" }]], /SuccessfulRequestLatency by TableName/],
  ["'.' repeating a row into TableName alone", [["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", "t"], [".", "SystemErrors", ".", "."]], /SystemErrors by TableName/],
])("refuses %s", async (_, metrics, expected) => {
  const found = await messages(dashboard(metrics));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatch(/^aws:cloudwatch\/dashboard:Dashboard 'dashboard-dynamodb-dev' /);
  expect(found[0]).toMatch(expected);
});

test("refuses a body that is not JSON, and leaves a body still unknown in a preview alone", async () => {
  const notJson = { ...dashboard([]), props: { dashboardBody: "{ widgets: [" } };
  expect(await messages(notJson)).toEqual([expect.stringMatching(/dashboardBody that is not JSON/)]);
  expect(await messages({ ...dashboard([]), props: {} })).toEqual([]);
});

test("judges only dashboards", async () => {
  const alarmLike = { ...dashboard([["AWS/DynamoDB", "SystemErrors", "TableName", "t"]]), type: "aws:cloudwatch/metricAlarm:MetricAlarm" };
  expect(await messages(alarmLike)).toEqual([]);
});
