import type { ProgramRun, RegisteredResource } from "@dynamodb-platform/program-runner";
import { declaredStateOf } from "../src";

/** A registered resource as the program runner records it. */
const resource = (type: string, name: string, inputs: Record<string, unknown>): RegisteredResource => ({ type, name, inputs, protect: false, retainOnDelete: false, custom: true, dependsOn: [] });
const run = (project: string, resources: RegisteredResource[], outputs: Record<string, unknown>): ProgramRun => ({
  project,
  stack: "dev",
  config: { "aws:region": "ap-southeast-2" },
  resources,
  outputs,
});

describe("the declared state is read from the registered inputs, with the provider's defaults", () => {
  const data = run(
    "dynamodb-data",
    [
      resource("aws:dynamodb/table:Table", "table-orders-dev", {
        name: "orders-dev",
        hashKey: "orderId",
        rangeKey: "at",
        attributes: [
          { name: "orderId", type: "S" },
          { name: "at", type: "N" },
        ],
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/k" },
        ttl: { enabled: true, attributeName: "expiresAt" },
        tags: { Team: "t" },
      }),
      resource("aws:dynamodb/contributorInsights:ContributorInsights", "ci", { tableName: "orders-dev", mode: "THROTTLED_KEYS" }),
    ],
    { tableNames: { orders: "orders-dev" } },
  );
  const monitoring = run(
    "dynamodb-monitoring",
    [
      resource("aws:sns/topic:Topic", "topic", { name: "alarms-dev" }),
      resource("aws:cloudwatch/metricAlarm:MetricAlarm", "a", {
        name: "a",
        comparisonOperator: "GreaterThanThreshold",
        threshold: 2,
        evaluationPeriods: 4,
        metricName: "UserErrors",
        namespace: "AWS/DynamoDB",
        statistic: "Sum",
        period: 300,
        alarmActions: ["arn:aws:sns:ap-southeast-2:123456789012:alarms-dev", "arn:aws:sns:ap-southeast-2:999999999999:elsewhere"],
      }),
    ],
    {},
  );

  test("a table: billing mode PROVISIONED when not set, PITR on without a period, its key, TTL and insights rule", () => {
    const [table] = declaredStateOf("dev", [data, monitoring]).tables;
    expect(table).toMatchObject({
      key: "orders",
      physicalName: "orders-dev",
      hashKey: { name: "orderId", type: "S" },
      rangeKey: { name: "at", type: "N" },
      billingMode: "PROVISIONED",
      pointInTimeRecovery: {},
      encryption: { kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/k" },
      timeToLiveAttribute: "expiresAt",
      contributorInsights: "THROTTLED_KEYS",
    });
  });

  test("an alarm: actions on a declared topic are named by the topic, others kept; actions enabled by default", () => {
    const [alarm] = declaredStateOf("dev", [data, monitoring]).alarms;
    expect(alarm).toMatchObject({
      name: "a",
      threshold: 2,
      actionsEnabled: true,
      metric: { namespace: "AWS/DynamoDB", metricName: "UserErrors", statistic: "Sum", period: 300 },
      alarmActions: ["alarms-dev", "arn:aws:sns:ap-southeast-2:999999999999:elsewhere"],
      okActions: [],
    });
  });

  test("a table the data stack exports but does not register is an error naming it", () => {
    const broken = { ...data, resources: [] };
    expect(() => declaredStateOf("dev", [broken])).toThrow("the data stack exports table 'orders' as orders-dev but registers no table of that name");
  });
});
