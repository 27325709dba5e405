import { evaluatePolicies, PLATFORM_POLICIES, underPolicy } from "@dynamodb-platform/policies";
import { resourcesOfType, type ProgramRun, type RegisteredResource } from "@dynamodb-platform/program-runner";
import { ALARM, STACKS, TOPIC, dataOutputsFor, runMonitoringStack } from "./run-monitoring-stack";

describe.each(STACKS)("monitoring alarms (%s)", (stack) => {
  let run: ProgramRun;
  let alarms: RegisteredResource[];
  const tableNames = dataOutputsFor(stack).tableNames;
  beforeAll(async () => {
    run = await runMonitoringStack(stack);
    alarms = resourcesOfType(run, ALARM);
  });

  test("one SystemErrors Metrics Insights alarm per table, over every operation of that table", () => {
    for (const [table, physicalName] of Object.entries(tableNames)) {
      const alarm = alarms.find((a) => a.name === `systemerrors-${table}-${stack}`);
      expect(alarm).toBeDefined();
      const queries = alarm!.inputs["metricQueries"] as Record<string, unknown>[];
      expect(queries).toHaveLength(1);
      expect(queries[0]).toMatchObject({ period: 60, returnData: true });
      expect(queries[0]["expression"]).toBe(
        `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${physicalName}'`,
      );
      expect(String(queries[0]["expression"])).not.toMatch(/Operation\s*=/);
      for (const topLevel of ["metricName", "namespace", "period", "statistic", "dimensions"]) {
        expect(alarm!.inputs).not.toHaveProperty(topLevel);
      }
      expect(alarm!.inputs).toMatchObject({
        comparisonOperator: "GreaterThanThreshold",
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
      });
    }
    expect(alarms.filter((a) => a.name.startsWith("systemerrors-"))).toHaveLength(3);
  });

  test("one account-wide UserErrors alarm: no dimensions, Sum over 60 s, more than 5", () => {
    const alarm = alarms.find((a) => a.name === `usererrors-dynamodb-${stack}`);
    expect(alarm?.inputs).toMatchObject({
      name: `usererrors-dynamodb-${stack}`,
      namespace: "AWS/DynamoDB",
      metricName: "UserErrors",
      statistic: "Sum",
      period: 60,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 5,
      evaluationPeriods: 1,
    });
    expect(alarm?.inputs).not.toHaveProperty("dimensions");
    const description = String(alarm?.inputs["alarmDescription"]);
    for (const physicalName of Object.values(tableNames)) expect(description).toContain(physicalName);
    expect(description).toMatch(/whole account and region/);
    expect(alarms).toHaveLength(4);
  });

  test("no alarm watches a metric DynamoDB never publishes (judged by the platform's policy)", async () => {
    const rule = PLATFORM_POLICIES.filter((policy) => policy.name === "alarms-on-published-dynamodb-metrics");
    expect(rule).toHaveLength(1);
    expect(await evaluatePolicies(underPolicy(run.resources), {}, rule)).toEqual([]);
  });

  test("every alarm notifies the topic on ALARM and OK and treats missing data as not breaching", () => {
    const topicArn = run.outputs["alarmTopicArn"];
    expect(topicArn).toBe(`arn:aws:sns:ap-southeast-2:123456789012:alarms-dynamodb-${stack}`);
    for (const alarm of alarms) {
      expect(alarm.inputs["alarmActions"]).toEqual([topicArn]);
      expect(alarm.inputs["okActions"]).toEqual([topicArn]);
      expect(alarm.inputs["treatMissingData"]).toBe("notBreaching");
    }
  });

  test("the topic is encrypted with the AWS managed SNS key", () => {
    const topics = resourcesOfType(run, TOPIC);
    expect(topics).toHaveLength(1);
    expect(topics[0].inputs).toMatchObject({ name: `alarms-dynamodb-${stack}`, kmsMasterKeyId: "alias/aws/sns" });
  });

  test("alarms carry the mandatory tags and a tag computed from the data stack's outputs", () => {
    const mandatory = {
      Environment: run.config["dynamodb-monitoring:environment"],
      Team: "analytics-platform",
      CostCenter: "CC-4471",
    };
    for (const [table, physicalName] of Object.entries(tableNames)) {
      const alarm = alarms.find((a) => a.name === `systemerrors-${table}-${stack}`);
      expect(alarm?.inputs["tags"]).toEqual({ ...mandatory, TableName: physicalName });
    }
    const userErrors = alarms.find((a) => a.name.startsWith("usererrors-"));
    expect(userErrors?.inputs["tags"]).toEqual({ ...mandatory, Tables: Object.values(tableNames).join(" ") });
  });

  test("outputs name every alarm and its ARN by table", () => {
    expect(run.outputs["systemErrorsAlarmNames"]).toEqual({
      events: `systemerrors-events-${stack}`,
      sessions: `systemerrors-sessions-${stack}`,
      users: `systemerrors-users-${stack}`,
    });
    expect(run.outputs["systemErrorsAlarmArns"]).toEqual({
      events: `arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:systemerrors-events-${stack}`,
      sessions: `arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:systemerrors-sessions-${stack}`,
      users: `arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:systemerrors-users-${stack}`,
    });
    expect(run.outputs["userErrorsAlarmName"]).toBe(`usererrors-dynamodb-${stack}`);
    expect(run.outputs["userErrorsAlarmArn"]).toBe(`arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:usererrors-dynamodb-${stack}`);
  });

  test("reads the data stack only by reference and owns no DynamoDB or IAM resource", () => {
    const references = resourcesOfType(run, "pulumi:pulumi:StackReference");
    expect(references.map((r) => r.inputs["name"])).toEqual([`organization/dynamodb-data/${stack}`]);
    expect(run.resources.filter((r) => /^aws:(dynamodb|iam)\//.test(r.type))).toEqual([]);
    expect(run.config["aws:region"]).toBe("ap-southeast-2");
  });
});
