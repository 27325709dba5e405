import { evaluatePolicies, PLATFORM_POLICIES, underPolicy } from "@dynamodb-platform/policies";
import { resourcesOfType, type ProgramRun, type RegisteredResource } from "@dynamodb-platform/program-runner";
import { ALARM, STACKS, TOPIC_POLICY, dataOutputsFor, runMonitoringStack } from "./run-monitoring-stack";

type Query = Record<string, unknown>;
const queriesOf = (alarm: RegisteredResource) => alarm.inputs["metricQueries"] as Query[];
/** The one query the alarm watches (returnData true) and the ones it reads. */
const watched = (alarm: RegisteredResource) => queriesOf(alarm).filter((q) => q["returnData"] === true);

describe.each(STACKS)("monitoring alarms (%s)", (stack) => {
  let run: ProgramRun;
  let alarms: RegisteredResource[];
  const tableNames = dataOutputsFor(stack).tableNames;
  beforeAll(async () => {
    run = await runMonitoringStack(stack);
    alarms = resourcesOfType(run, ALARM);
  });

  const named = (name: string) => {
    const alarm = alarms.find((a) => a.name === name);
    if (!alarm) throw new Error(`no alarm ${name}`);
    return alarm;
  };

  test("one SystemErrors alarm per table watches FILL(0) over a Metrics Insights query of every operation of that table", () => {
    for (const [table, physicalName] of Object.entries(tableNames)) {
      const alarm = named(`systemerrors-${table}-${stack}`);
      const queries = queriesOf(alarm);
      expect(queries).toHaveLength(2);
      const source = queries.find((q) => q["returnData"] === false)!;
      expect(source["expression"]).toBe(
        `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = '${physicalName}'`,
      );
      expect(source["period"]).toBe(60);
      expect(String(source["expression"])).not.toMatch(/Operation\s*=/);
      expect(watched(alarm)).toEqual([expect.objectContaining({ expression: `FILL(${String(source["id"])}, 0)` })]);
      for (const topLevel of ["metricName", "namespace", "period", "statistic", "dimensions"]) {
        expect(alarm.inputs).not.toHaveProperty(topLevel);
      }
      // 3 breaching minutes among the last 5: the 2 newest may still be unpublished (filled with 0).
      expect(alarm.inputs).toMatchObject({ comparisonOperator: "GreaterThanThreshold", threshold: 1, evaluationPeriods: 5, datapointsToAlarm: 3 });
    }
    expect(alarms.filter((a) => a.name.startsWith("systemerrors-"))).toHaveLength(3);
  });

  test("one account-wide UserErrors alarm watches FILL(0) over UserErrors: no dimensions, Sum over 60 s, more than 5", () => {
    const alarm = named(`usererrors-dynamodb-${stack}`);
    const queries = queriesOf(alarm);
    expect(queries).toHaveLength(2);
    const source = queries.find((q) => q["returnData"] === false)!;
    expect(source["metric"]).toEqual({ namespace: "AWS/DynamoDB", metricName: "UserErrors", stat: "Sum", period: 60 });
    expect(watched(alarm)).toEqual([expect.objectContaining({ expression: `FILL(${String(source["id"])}, 0)` })]);
    for (const topLevel of ["metricName", "namespace", "period", "statistic", "dimensions"]) {
      expect(alarm.inputs).not.toHaveProperty(topLevel);
    }
    expect(alarm.inputs).toMatchObject({
      name: `usererrors-dynamodb-${stack}`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 5,
      datapointsToAlarm: 1,
      evaluationPeriods: 3,
    });
    const description = String(alarm.inputs["alarmDescription"]);
    for (const physicalName of Object.values(tableNames)) expect(description).toContain(physicalName);
    expect(description).toMatch(/whole account and region/);
    expect(alarms).toHaveLength(4);
  });

  test("no alarm watches an unpublished metric or a raw DynamoDB metric (judged by the platform's policies)", async () => {
    const rules = PLATFORM_POLICIES.filter((policy) =>
      ["alarms-on-published-dynamodb-metrics", "alarms-fill-dynamodb-metrics"].includes(policy.name),
    );
    expect(rules).toHaveLength(2);
    expect(await evaluatePolicies(underPolicy(run.resources), {}, rules)).toEqual([]);
  });

  test("every alarm notifies the topic on ALARM and OK", () => {
    const topicArn = run.outputs["alarmTopicArn"];
    expect(topicArn).toBe(`arn:aws:sns:ap-southeast-2:123456789012:alarms-dynamodb-${stack}`);
    for (const alarm of alarms) {
      expect(alarm.inputs["alarmActions"]).toEqual([topicArn]);
      expect(alarm.inputs["okActions"]).toEqual([topicArn]);
      expect(alarm.inputs["actionsEnabled"]).not.toBe(false);
    }
  });

  test("every alarm is created after the topic policy that lets CloudWatch publish (dependsOn), so no first notification is refused", () => {
    const policies = resourcesOfType(run, TOPIC_POLICY);
    expect(policies).toHaveLength(1);
    for (const alarm of alarms) {
      expect(alarm.dependsOn).toContainEqual({ type: TOPIC_POLICY, name: policies[0].name });
    }
  });

  test("alarms carry the mandatory tags and a tag computed from the data stack's outputs", () => {
    const mandatory = {
      Environment: run.config["dynamodb-monitoring:environment"],
      Team: "analytics-platform",
      CostCenter: "CC-4471",
    };
    for (const [table, physicalName] of Object.entries(tableNames)) {
      expect(named(`systemerrors-${table}-${stack}`).inputs["tags"]).toEqual({ ...mandatory, TableName: physicalName });
    }
    expect(named(`usererrors-dynamodb-${stack}`).inputs["tags"]).toEqual({ ...mandatory, Tables: Object.values(tableNames).join(" ") });
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
  });
});
