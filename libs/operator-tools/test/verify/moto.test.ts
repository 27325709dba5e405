import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutDashboardCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type MetricDataQuery,
} from "@aws-sdk/client-cloudwatch";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
  type AttributeDefinition,
  type KeySchemaElement,
} from "@aws-sdk/client-dynamodb";
import { IAMClient, SimulatePrincipalPolicyCommand } from "@aws-sdk/client-iam";
import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { CreateTopicCommand, DeleteTopicCommand, SNSClient, SetTopicAttributesCommand, SubscribeCommand } from "@aws-sdk/client-sns";
import { runCli, type StackOutputsResult } from "../../src/live-account";
import { planDeclaredState, type DeclaredAlarm, type DeclaredState, type DeclaredTable } from "@dynamodb-platform/offline-plan";
import { awsErrorAnswer, awsManagedDynamoDbKey, firstCalls, motoTier, startMoto, useEndpoint, type Moto, type WireProtocol } from "@dynamodb-platform/testing";
import { mockClient } from "aws-sdk-client-mock";
import { TEST_ALARM_REASON, createClients, main, type Check } from "../../src/verify";
import { deployedEnvironment, simulatePrincipalPolicy } from "./fake-aws";

/*
 * The moto tier: verify against a real implementation of the DynamoDB, KMS, CloudWatch and SNS
 * APIs (moto_server on 127.0.0.1), with what the stacks declare for dev deployed into it through
 * those APIs. What moto does not implement is answered with recorded responses: DynamoDB's
 * DescribeContributorInsights by the proxy, IAM's SimulatePrincipalPolicy by aws-sdk-client-mock.
 * Faults (throttling, denial, not found, partial pages) are injected in front of moto, in each
 * call's wire protocol.
 */
const REGION = "ap-southeast-2";
const ACCOUNT = "123456789012"; // moto's default account
const runs = motoTier();
const describeMoto = runs ? describe : describe.skip;

let moto: Moto;
let restoreEnvironment: () => void;
let declared: DeclaredState;
const iam = mockClient(IAMClient);

beforeAll(async () => {
  if (!runs) return;
  moto = await startMoto();
  restoreEnvironment = useEndpoint(moto.endpoint);
  declared = await planDeclaredState({ stack: "dev" });
}, 60_000);

afterAll(async () => {
  if (!runs) return;
  restoreEnvironment();
  iam.restore();
  await moto.stop();
});

const clients = () => ({ dynamodb: new DynamoDBClient({ region: REGION }), cloudwatch: new CloudWatchClient({ region: REGION }), sns: new SNSClient({ region: REGION }) });
const topicArn = () => `arn:aws:sns:${REGION}:${ACCOUNT}:${declared.topics[0].name}`;
const alarmArn = (name: string) => `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:${name}`;

/** The table as CreateTable takes it (DynamoDB API reference), from what the data stack declares. */
function createTable(table: DeclaredTable): CreateTableCommand {
  const keys = [table.hashKey, table.rangeKey, ...table.globalSecondaryIndexes.flatMap((index) => [index.hashKey, index.rangeKey])].filter((key) => key !== undefined);
  const attributes: AttributeDefinition[] = [...new Map(keys.map((key) => [key.name, { AttributeName: key.name, AttributeType: key.type }])).values()];
  const schema = (hash: { name: string }, range?: { name: string }): KeySchemaElement[] => [
    { AttributeName: hash.name, KeyType: "HASH" },
    ...(range ? [{ AttributeName: range.name, KeyType: "RANGE" as const }] : []),
  ];
  return new CreateTableCommand({
    TableName: table.physicalName,
    KeySchema: schema(table.hashKey, table.rangeKey),
    AttributeDefinitions: attributes,
    BillingMode: table.billingMode as "PAY_PER_REQUEST",
    ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream } } : {}),
    ...(table.globalSecondaryIndexes.length > 0
      ? { GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({ IndexName: index.name, KeySchema: schema(index.hashKey, index.rangeKey), Projection: { ProjectionType: index.projection } })) }
      : {}),
    SSESpecification: { Enabled: table.encryption === "aws-managed" },
    Tags: Object.entries(table.tags).map(([Key, Value]) => ({ Key, Value })),
  });
}

/** The alarm as PutMetricAlarm takes it (CloudWatch API reference), notifying the deployed topic. */
function putAlarm(alarm: DeclaredAlarm): PutMetricAlarmCommand {
  const metrics: MetricDataQuery[] = alarm.metricQueries.map((query) => ({
    Id: query.id,
    Expression: query.expression,
    Label: query.label,
    Period: query.period,
    ReturnData: query.returnData,
    ...(query.metric
      ? {
          MetricStat: {
            Metric: { Namespace: query.metric.namespace, MetricName: query.metric.metricName, Dimensions: Object.entries(query.metric.dimensions ?? {}).map(([Name, Value]) => ({ Name, Value })) },
            Period: query.metric.period,
            Stat: query.metric.stat,
          },
        }
      : {}),
  }));
  const actions = (names: readonly string[]) => names.map((name) => (name === declared.topics[0].name ? topicArn() : name));
  return new PutMetricAlarmCommand({
    AlarmName: alarm.name,
    ComparisonOperator: alarm.comparisonOperator as "GreaterThanThreshold",
    Threshold: alarm.threshold,
    EvaluationPeriods: alarm.evaluationPeriods,
    DatapointsToAlarm: alarm.datapointsToAlarm,
    TreatMissingData: alarm.treatMissingData,
    ActionsEnabled: alarm.actionsEnabled,
    Metrics: metrics,
    AlarmActions: actions(alarm.alarmActions),
    OKActions: actions(alarm.okActions),
  });
}

/** DescribeContributorInsights, which moto does not implement, answered as DynamoDB would for each declared table. */
function recordContributorInsights(): void {
  moto.on("DescribeContributorInsights", ({ body }) => {
    const name = (JSON.parse(body) as { TableName: string }).TableName;
    const table = declared.tables.find((candidate) => candidate.physicalName === name);
    const answer = table?.contributorInsights
      ? { TableName: name, ContributorInsightsStatus: "ENABLED", ContributorInsightsMode: table.contributorInsights, ContributorInsightsRuleList: [`DynamoDBContributorInsights-PKC-${name}-1620000000000`] }
      : { TableName: name, ContributorInsightsStatus: "DISABLED" };
    return { status: 200, body: JSON.stringify(answer), headers: { "content-type": "application/x-amz-json-1.0" } };
  });
}


interface Deployment {
  readonly outputs: Record<string, StackOutputsResult>;
  /** moto's key behind alias/aws/dynamodb. */
  readonly keyId: string | undefined;
}

/** Deploys what the stacks declare for dev into an empty moto, through the AWS APIs, and returns the stacks' outputs. */
async function deploy(): Promise<Deployment> {
  await moto.resetState();
  moto.reset();
  const { dynamodb, cloudwatch, sns } = clients();
  const tables: Record<string, { name: string; arn: string; stream?: string }> = {};
  for (const table of declared.tables) {
    await dynamodb.send(createTable(table));
    if (table.pointInTimeRecovery) {
      await dynamodb.send(
        new UpdateContinuousBackupsCommand({
          TableName: table.physicalName,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: table.pointInTimeRecovery.recoveryPeriodInDays },
        }),
      );
    }
    const live = (await dynamodb.send(new DescribeTableCommand({ TableName: table.physicalName }))).Table!;
    tables[table.key] = { name: table.physicalName, arn: live.TableArn!, ...(live.LatestStreamArn ? { stream: live.LatestStreamArn } : {}) };
  }
  const keyId = (await new KMSClient({ region: REGION }).send(new DescribeKeyCommand({ KeyId: "alias/aws/dynamodb" }))).KeyMetadata?.KeyId;
  await sns.send(new CreateTopicCommand({ Name: declared.topics[0].name }));
  // The stack's topic policy: CloudWatch may publish for this stack's alarms only (stacks/monitoring topic policy).
  await sns.send(
    new SetTopicAttributesCommand({
      TopicArn: topicArn(),
      AttributeName: "Policy",
      AttributeValue: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "CloudWatchAlarmsOfThisStackPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "SNS:Publish",
            Resource: topicArn(),
            Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": declared.alarms.map((alarm) => alarmArn(alarm.name)) } },
          },
        ],
      }),
    }),
  );
  for (const alarm of declared.alarms) await cloudwatch.send(putAlarm(alarm));
  for (const dashboard of declared.dashboards) await cloudwatch.send(new PutDashboardCommand({ DashboardName: dashboard, DashboardBody: '{"widgets":[]}' }));
  const byKey = <T>(f: (entry: (typeof tables)[string]) => T | undefined) =>
    Object.fromEntries(Object.entries(tables).flatMap(([key, entry]) => (f(entry) === undefined ? [] : [[key, f(entry)]])));
  const systemErrors = declared.alarms.filter((alarm) => alarm.name.startsWith("systemerrors-"));
  const userErrors = declared.alarms.find((alarm) => alarm.name.startsWith("usererrors-"))!;
  const keyOf = (alarm: DeclaredAlarm) => declared.tables.find((table) => alarm.name === `systemerrors-${table.key}-dev`)!.key;
  const outputs: Record<string, StackOutputsResult> = {
    data: { deployed: true, outputs: {
        tableNames: byKey((t) => t.name),
        tableArns: byKey((t) => t.arn),
        streamArns: byKey((t) => t.stream),
        contributorInsightsModes: Object.fromEntries(declared.tables.flatMap((table) => (table.contributorInsights ? [[table.key, table.contributorInsights]] : []))),
      },
    },
    monitoring: {
      deployed: true,
      outputs: {
        alarmTopicArn: topicArn(),
        systemErrorsAlarmNames: Object.fromEntries(systemErrors.map((alarm) => [keyOf(alarm), alarm.name])),
        systemErrorsAlarmArns: Object.fromEntries(systemErrors.map((alarm) => [keyOf(alarm), alarmArn(alarm.name)])),
        userErrorsAlarmName: userErrors.name,
        userErrorsAlarmArn: alarmArn(userErrors.name),
        dashboardName: declared.dashboards[0],
      },
    },
    access: {
      deployed: true,
      outputs: {
        roleArns: Object.fromEntries(
          declared.tables.map((table) => [table.key, { read: `arn:aws:iam::${ACCOUNT}:role/dynamodb-${table.physicalName}-read-role`, write: `arn:aws:iam::${ACCOUNT}:role/dynamodb-${table.physicalName}-write-role` }]),
        ),
      },
    },
  };
  return { outputs, keyId };
}

/** What moto holds after the last deploy, while no test has changed it since: tests that only read moto share it. */
let shared: Promise<Deployment> | undefined;

/** A test's start: no rules but the recorded answers for what moto lacks or gets wrong, no calls seen. */
function startTest({ outputs, keyId }: Deployment): Record<string, StackOutputsResult> {
  moto.reset();
  recordContributorInsights();
  moto.on("DescribeKey", awsManagedDynamoDbKey(keyId));
  return outputs;
}

/** The deployment for a test that changes nothing in moto (faults are injected in front of it) or puts back what it changed: made once, then reused. */
async function deployed(): Promise<Record<string, StackOutputsResult>> {
  shared ??= deploy();
  return startTest(await shared);
}

/** A fresh deployment for a test that changes moto's state; the next reading test deploys again. */
async function deployToChange(): Promise<Record<string, StackOutputsResult>> {
  shared = undefined;
  return startTest(await deploy());
}

interface Run {
  readonly code: number;
  readonly err: string;
  readonly checks: Check[];
}

/** `npm run verify -- --stack dev --json` against moto: main under runCli, the expectations of the offline plan. */
async function verifyAgainstMoto(outputs: Record<string, StackOutputsResult>, extraArgs: readonly string[] = []): Promise<Run> {
  // The roles' inline policies as the access stack grants them; SimulatePrincipalPolicy is not in moto.
  const environment = deployedEnvironment();
  iam.reset();
  iam.on(SimulatePrincipalPolicyCommand).callsFake((input: Parameters<typeof simulatePrincipalPolicy>[1]) => simulatePrincipalPolicy(environment, input));
  let out = "";
  const err: string[] = [];
  const error = jest.spyOn(console, "error").mockImplementation((text: string) => void err.push(text));
  try {
    // The tools' attempts, retried at once (awsClientConfig "immediate"): no seconds of backoff after each throttle.
    const setUp = () => Promise.resolve({ declared, clients: createClients(REGION, "immediate"), readOutputs: (folder: string) => Promise.resolve(outputs[folder]) });
    const running = main(["--stack", "dev", "--json", ...extraArgs], { out: (text) => (out += text), setUp });
    runCli("verify", () => running);
    await running.catch(() => undefined);
    await new Promise((resolve) => setImmediate(resolve));
    const code = process.exitCode as number;
    process.exitCode = undefined;
    return { code, err: err.join("\n"), checks: out ? (JSON.parse(out) as { checks: Check[] }).checks : [] };
  } finally {
    error.mockRestore();
  }
}

const failures = (run: Run) => run.checks.filter((check) => check.status === "fail").map((check) => [check.subject, check.check, check.actual]);

describeMoto("verify against moto", () => {
  test("what the stacks declare, deployed through the AWS APIs, passes every check", async () => {
    const run = await verifyAgainstMoto(await deployed());
    expect(failures(run)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.checks.filter((check) => check.status === "pass").length).toBeGreaterThan(60);
  }, 60_000);

  test("drift made through the real APIs is found: PITR off, an alarm deleted, the topic deleted", async () => {
    const outputs = await deployToChange();
    const { dynamodb, cloudwatch, sns } = clients();
    await dynamodb.send(new UpdateContinuousBackupsCommand({ TableName: "users-dev", PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }));
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ["systemerrors-events-dev"] }));
    await sns.send(new DeleteTopicCommand({ TopicArn: topicArn() }));
    const run = await verifyAgainstMoto(outputs);
    expect(failures(run)).toEqual([
      ["users-dev", "point-in-time recovery", "DISABLED"],
      ["systemerrors-events-dev", "exists", "(not found)"],
      ["alarms-dynamodb-dev", "topic exists", "(not found)"],
    ]);
    expect(run.code).toBe(1);
  }, 60_000);

  /** Every call verify makes of a service moto implements (plus DescribeContributorInsights, recorded in front of it). */
  const CALLS = [
    "DescribeTable",
    "DescribeContinuousBackups",
    "DescribeTimeToLive",
    "DescribeContributorInsights",
    "ListTagsOfResource",
    "DescribeKey",
    "DescribeAlarms",
    "GetTopicAttributes",
    "ListSubscriptionsByTopic",
    "GetDashboard",
  ];
  const throttled = (protocol: WireProtocol) => awsErrorAnswer(protocol, protocol === "json" ? "ThrottlingException" : "Throttling", "Rate exceeded");
  const denied = (protocol: WireProtocol) => awsErrorAnswer(protocol, protocol === "json" ? "AccessDeniedException" : "AccessDenied", "not authorized to perform this action", 403);

  test.each(CALLS)("%s throttled: the SDK's retries absorb it and the verdict is unchanged", async (operation) => {
    const outputs = await deployed();
    let seen = 0;
    moto.on(operation, ({ protocol }) => (seen++ === 0 ? throttled(protocol) : undefined));
    const run = await verifyAgainstMoto(outputs);
    expect(run.err).toBe("");
    expect(failures(run)).toEqual([]);
    expect(run.code).toBe(0);
    // The throttled call was sent again.
    expect(seen).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test.each(CALLS.filter((operation) => operation !== "DescribeKey"))("%s denied: verify stops with one line naming the call", async (operation) => {
    const outputs = await deployed();
    moto.on(operation, ({ protocol }) => denied(protocol));
    const run = await verifyAgainstMoto(outputs);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^verify: ${operation} .*access denied`));
    expect(run.err).not.toContain("\n");
  }, 60_000);

  test("DescribeKey denied: encryption is unverified, never passed, and the run goes on", async () => {
    const outputs = await deployed();
    moto.on("DescribeKey", ({ protocol }) => denied(protocol));
    const run = await verifyAgainstMoto(outputs);
    expect(run.checks.filter((check) => check.check === "encryption").map((check) => check.status)).toEqual(["unverified", "unverified", "unverified"]);
    expect(run.code).toBe(0);
  }, 60_000);

  test.each<[string, string, WireProtocol, string, number, [string, string]]>([
    ["DescribeTable", "ResourceNotFoundException", "json", "Requested resource not found", 400, ["events-dev", "exists"]],
    ["GetTopicAttributes", "NotFound", "query", "Topic does not exist", 404, ["alarms-dynamodb-dev", "topic exists"]],
    ["GetDashboard", "ResourceNotFound", "json", "Dashboard does not exist", 404, ["dynamodb-dev", "dashboard exists"]],
  ])("%s answers %s: a failed check, and the run goes on", async (operation, code, protocol, message, status, [subject, check]) => {
    const outputs = await deployed();
    moto.on(operation, firstCalls(1, () => awsErrorAnswer(protocol, code, message, status)));
    const run = await verifyAgainstMoto(outputs);
    expect(failures(run)).toEqual([[subject, check, "(not found)"]]);
    expect(run.code).toBe(1);
  }, 60_000);

  test("DescribeAlarms answering a partial first page with a NextToken: the next pages are read", async () => {
    const outputs = await deployed();
    let partial = true;
    moto.on("DescribeAlarms", () => {
      if (!partial) return undefined;
      partial = false;
      return { rewrite: (json) => ({ ...json, MetricAlarms: (json["MetricAlarms"] as unknown[]).slice(0, 1), NextToken: "page-2" }) };
    });
    const run = await verifyAgainstMoto(outputs);
    expect(run.err).toBe("");
    expect(failures(run)).toEqual([]);
    expect(moto.calls().filter((call) => call.operation === "DescribeAlarms")).toHaveLength(2);
  }, 60_000);

  test("ListTagsOfResource answering in two pages (NextToken): every tag is read", async () => {
    const outputs = await deployed();
    // moto returns every tag at once and does not page: the second page is answered here.
    let rest: unknown[] | undefined;
    moto.on("ListTagsOfResource", ({ body }) => {
      const token = (JSON.parse(body) as { NextToken?: string }).NextToken;
      if (token === "page-2" && rest) return { status: 200, body: JSON.stringify({ Tags: rest }), headers: { "content-type": "application/x-amz-json-1.0" } };
      if (rest !== undefined) return undefined;
      return {
        rewrite: (json) => {
          const tags = json["Tags"] as unknown[];
          rest = tags.slice(1);
          return { ...json, Tags: tags.slice(0, 1), NextToken: "page-2" };
        },
      };
    });
    const run = await verifyAgainstMoto(outputs);
    expect(run.err).toBe("");
    expect(failures(run)).toEqual([]);
    expect(run.checks.filter((check) => check.subject === "events-dev" && check.check.startsWith("tag ")).map((check) => check.status)).toEqual(["pass", "pass", "pass"]);
  }, 60_000);

  test("ListSubscriptionsByTopic over moto's own pages (100 subscriptions a page, then a NextToken): every subscription is checked", async () => {
    const outputs = await deployToChange();
    // moto confirms email subscriptions at once (AWS holds them PendingConfirmation until the address confirms).
    const endpoints = Array.from({ length: 101 }, (_, index) => `oncall-${index}@example.com`);
    const { sns } = clients();
    for (const endpoint of endpoints) await sns.send(new SubscribeCommand({ TopicArn: topicArn(), Protocol: "email", Endpoint: endpoint }));
    const run = await verifyAgainstMoto(outputs);
    expect(run.err).toBe("");
    const checked = run.checks.filter((check) => check.check.startsWith("subscription email ")).map((check) => check.check.replace("subscription email ", ""));
    expect(checked.sort()).toEqual([...endpoints].sort());
    expect(moto.calls().filter((call) => call.operation === "ListSubscriptionsByTopic")).toHaveLength(2);
  }, 60_000);

  describe("--fire-test-alarm: SetAlarmState in moto, DescribeAlarmHistory recorded", () => {
    /**
     * moto implements SetAlarmState but not DescribeAlarmHistory: the proxy answers the history as
     * CloudWatch records an alarm action (HistoryItemType Action, HistoryData with actionState and
     * notificationResource), for the alarm SetAlarmState really set to ALARM in moto, and only then.
     */
    function recordActionHistory(): void {
      let fired: string | undefined;
      moto.on("SetAlarmState", ({ body }) => {
        fired = (JSON.parse(body) as { AlarmName: string }).AlarmName;
        return undefined;
      });
      moto.on("DescribeAlarmHistory", ({ body }) => {
        const name = (JSON.parse(body) as { AlarmName: string }).AlarmName;
        const items =
          name === fired
            ? [{ AlarmName: name, Timestamp: Date.now() / 1000, HistoryItemType: "Action", HistorySummary: `Successfully executed action ${topicArn()}`, HistoryData: JSON.stringify({ actionState: "Succeeded", notificationResource: topicArn() }) }]
            : [];
        return { status: 200, body: JSON.stringify({ AlarmHistoryItems: items }), headers: { "content-type": "application/x-amz-json-1.0" } };
      });
    }
    const FIRE = ["--fire-test-alarm"];
    /** moto's state and reason for a new alarm (moto cloudwatch Alarm). */
    const CREATED = { StateValue: "OK", StateReason: "Unchecked: Initial alarm creation" } as const;

    // The fired alarm is put back as PutMetricAlarm left it, so the tests share a deployment and each fires from the same state.
    afterEach(async () => {
      moto.reset();
      const { cloudwatch } = clients();
      const alarms = (await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: declared.alarms.map((alarm) => alarm.name) }))).MetricAlarms ?? [];
      for (const alarm of alarms) {
        if (alarm.StateValue !== CREATED.StateValue || alarm.StateReason !== CREATED.StateReason) {
          await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarm.AlarmName, ...CREATED }));
        }
      }
    });

    test("one SystemErrors alarm is set to ALARM in moto with the verification reason, and the delivery is reported", async () => {
      const outputs = await deployed();
      recordActionHistory();
      const run = await verifyAgainstMoto(outputs, FIRE);
      expect(run.err).toBe("");
      const fired = run.checks.find((check) => check.area === "test-alarm");
      expect(fired).toMatchObject({ status: "pass", subject: expect.stringMatching(/^systemerrors-/) as unknown, actual: `Succeeded: Successfully executed action ${topicArn()}` });
      const live = (await clients().cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [fired!.subject] }))).MetricAlarms?.[0];
      expect([live?.StateValue, live?.StateReason]).toEqual(["ALARM", TEST_ALARM_REASON]);
      expect(run.code).toBe(0);
    }, 60_000);

    test.each(["SetAlarmState", "DescribeAlarmHistory"])("%s throttled: the SDK's retries absorb it", async (operation) => {
      const outputs = await deployed();
      recordActionHistory();
      moto.on(operation, firstCalls(1, (protocol) => throttled(protocol)));
      const run = await verifyAgainstMoto(outputs, FIRE);
      expect(run.err).toBe("");
      expect(run.checks.find((check) => check.area === "test-alarm")?.status).toBe("pass");
      expect(moto.calls().filter((call) => call.operation === operation).length).toBeGreaterThanOrEqual(2);
    }, 60_000);

    test.each(["SetAlarmState", "DescribeAlarmHistory"])("%s denied: verify stops with one line naming the call", async (operation) => {
      const outputs = await deployed();
      recordActionHistory();
      moto.on(operation, ({ protocol }) => denied(protocol));
      const run = await verifyAgainstMoto(outputs, FIRE);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(new RegExp(`^verify: ${operation} systemerrors-.*access denied`));
      expect(run.err).not.toContain("\n");
    }, 60_000);

    test("SetAlarmState on an alarm moto does not have (ResourceNotFound): one line naming the call", async () => {
      const outputs = await deployed();
      recordActionHistory();
      moto.on("SetAlarmState", ({ protocol }) => awsErrorAnswer(protocol, "ResourceNotFound", "Alarm does not exist", 404));
      const run = await verifyAgainstMoto(outputs, FIRE);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^verify: SetAlarmState systemerrors-\S+: not found \(Alarm does not exist\)\.$/);
    }, 60_000);
  });
});
