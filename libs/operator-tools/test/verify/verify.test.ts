import { DescribeContinuousBackupsCommand, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { SimulatePrincipalPolicyCommand, type ContextEntry } from "@aws-sdk/client-iam";
import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import { GetDashboardCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import * as pulumi from "@pulumi/pulumi";
import { loadStackProgram } from "@dynamodb-platform/offline-plan";
import type { TableSpec } from "@dynamodb-platform/platform";
import { LiveAccountError, runCli } from "../../src/live-account";
import { TEST_TABLES } from "@dynamodb-platform/testing";
import { planDeclaredState, type DeclaredState } from "@dynamodb-platform/offline-plan";
import { TEST_ALARM_REASON, createClients, main, type Check } from "../../src/verify";
import { AWS_MANAGED_DYNAMODB_KEY, REGION, TOPIC, deployedEnvironment, serve, type Environment } from "./fake-aws";

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
  readonly checks: Check[];
}

/** What the repository's stacks declare for dev, from their offline plan: what verify judges against. */
let devStacks: DeclaredState;
beforeAll(async () => {
  devStacks = await planDeclaredState({ stack: "dev" });
}, 60_000);

const setUp = (environment: Environment, clock = fakeClock(), declared?: DeclaredState) => () =>
  Promise.resolve({ declared: declared ?? devStacks, clients: createClients(REGION), readOutputs: (folder: string) => Promise.resolve(environment.outputs[folder]), clock });

/** Runs verify as `npm run verify` does: main under live-account's runCli, which sets the exit code and prints known failures. */
async function run(environment: Environment, argv: string[] = ["--stack", "dev", "--json"], clock = fakeClock(), declared?: DeclaredState): Promise<Run> {
  const served = serve(environment);
  let out = "";
  const err: string[] = [];
  const error = jest.spyOn(console, "error").mockImplementation((text: string) => void err.push(text));
  try {
    const running = main(argv, { out: (text) => (out += text), setUp: setUp(environment, clock, declared) });
    runCli("verify", () => running);
    await running.catch(() => undefined);
    // runCli sets the exit code in a promise callback: let it run.
    await new Promise((resolve) => setImmediate(resolve));
    const code = process.exitCode as number;
    process.exitCode = undefined;
    const checks = argv.includes("--json") && out ? (JSON.parse(out) as { checks: Check[] }).checks : [];
    return { code, out, err: err.join("\n"), checks };
  } finally {
    error.mockRestore();
    served.restore();
  }
}

function fakeClock() {
  let now = Date.parse("2026-07-01T00:00:00Z");
  return { now: () => new Date(now), sleep: (ms: number) => Promise.resolve(void (now += ms)), slept: () => now - Date.parse("2026-07-01T00:00:00Z") };
}

const failures = (result: Run) => result.checks.filter((check) => check.status === "fail");
const failed = (result: Run, subject: string, check: string | RegExp) =>
  failures(result).find((c) => c.subject === subject && (typeof check === "string" ? c.check === check : check.test(c.check)));

describe("verify on a deployed environment that matches the specs", () => {
  test("every check passes and the exit code is 0", async () => {
    const result = await run(deployedEnvironment());
    expect(failures(result)).toEqual([]);
    expect(result.code).toBe(0);
    const areas = new Set(result.checks.map((check) => check.area));
    expect([...areas].sort()).toEqual(["alarms", "roles", "stacks", "tables"]);
  });

  test("the roles are judged by AWS's simulator over every cell of the matrix, paginated with Marker", async () => {
    const result = await run(deployedEnvironment());
    const roles = result.checks.filter((check) => check.area === "roles" && check.check.startsWith("permission matrix"));
    expect(roles.map((check) => check.subject).sort()).toEqual(
      ["events", "sessions", "users"].flatMap((t) => [`dynamodb-${t}-dev-read-role`, `dynamodb-${t}-dev-write-role`]).sort(),
    );
    expect(roles.every((check) => check.status === "pass" && /\(\d{4} cells\)/.test(check.check))).toBe(true);
  });

  test("the text report shows the live value beside the expected one", async () => {
    const result = await run(deployedEnvironment(), ["--stack", "dev"]);
    expect(result.out).toMatch(/^STATUS\s+AREA\s+SUBJECT\s+CHECK\s+EXPECTED\s+LIVE/);
    expect(result.out).toMatch(/PASS\s+tables\s+users-dev\s+point-in-time recovery\s+ENABLED, 35 days\s+ENABLED, 35 days/);
    expect(result.out).toMatch(/\d+ passed, 0 failed, \d+ unverified$/);
  });

  test("kms:DescribeKey says the tables' key is AWS managed: encryption passes; denied, the shared in-account key is unverified, not passed", async () => {
    const described = await run(deployedEnvironment());
    expect(described.checks.filter((c) => c.check === "encryption").map((c) => c.status)).toEqual(["pass", "pass", "pass"]);
    const denied = deployedEnvironment();
    denied.kmsDenied = true;
    const heuristic = await run(denied);
    expect(heuristic.checks.filter((c) => c.check === "encryption").map((c) => [c.status, c.actual])).toEqual(
      ["events-dev", "sessions-dev", "users-dev"].map(() => ["unverified", expect.stringMatching(/kms:DescribeKey denied/) as unknown]),
    );
    expect(heuristic.code).toBe(0);
  });

  test("asks KMS about each table's own key, read-only", async () => {
    const served = serve(deployedEnvironment());
    try {
      await main(["--stack", "dev", "--json"], { out: () => undefined, setUp: setUp(deployedEnvironment()) });
      expect(served.kms.commandCalls(DescribeKeyCommand).map((call) => call.args[0].input)).toEqual([1, 2, 3].map(() => ({ KeyId: AWS_MANAGED_DYNAMODB_KEY })));
    } finally {
      served.restore();
    }
  });
});

describe("each kind of drift fails its check, names it, and exits 1", () => {
  test("a customer managed key on a table", async () => {
    const environment = deployedEnvironment();
    const customerKey = `arn:aws:kms:${REGION}:123456789012:key/99999999-8888-7777-6666-555544443333`;
    environment.tables["users-dev"].description.SSEDescription = { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: customerKey };
    environment.keys[customerKey] = "CUSTOMER";
    const result = await run(environment);
    expect(failed(result, "users-dev", "encryption")?.actual).toBe(`SSEType KMS, customer managed key ${customerKey}`);
    expect(result.code).toBe(1);
  });

  test("a table on its own key fails even without kms:DescribeKey; the AWS owned key (no SSEDescription) fails", async () => {
    const environment = deployedEnvironment();
    environment.tables["users-dev"].description.SSEDescription = { Status: "ENABLED", SSEType: "KMS", KMSMasterKeyArn: `arn:aws:kms:${REGION}:123456789012:key/other` };
    environment.tables["events-dev"].description.SSEDescription = undefined;
    environment.kmsDenied = true;
    const result = await run(environment);
    expect(failed(result, "users-dev", "encryption")?.actual).toMatch(/the tables use 2 different keys/);
    expect(failed(result, "events-dev", "encryption")?.actual).toBe("no SSEDescription: the AWS owned key");
  });

  test("a missing GSI", async () => {
    const environment = deployedEnvironment();
    environment.tables["sessions-dev"].description.GlobalSecondaryIndexes = undefined;
    const result = await run(environment);
    expect(failed(result, "sessions-dev", "global secondary indexes")).toMatchObject({ expected: "userId-timestamp-index", actual: "(none)" });
    expect(result.code).toBe(1);
  });

  test("a GSI with the wrong projection", async () => {
    const environment = deployedEnvironment();
    environment.tables["sessions-dev"].description.GlobalSecondaryIndexes![0].Projection = { ProjectionType: "KEYS_ONLY" };
    const result = await run(environment);
    expect(failed(result, "sessions-dev", "index userId-timestamp-index")?.actual).toBe("HASH userId S, RANGE timestamp N; projection KEYS_ONLY");
  });

  test("PITR at 7 days", async () => {
    const environment = deployedEnvironment();
    environment.tables["users-dev"].pitrDays = 7;
    const result = await run(environment);
    expect(failed(result, "users-dev", "point-in-time recovery")).toMatchObject({ expected: "ENABLED, 35 days", actual: "ENABLED, 7 days" });
  });

  test.each<[string, (environment: Environment) => void, string, string]>([
    ["provisioned billing", (e) => (e.tables["events-dev"].description.BillingModeSummary = undefined), "billing mode", "PROVISIONED"],
    ["the stream off", (e) => (e.tables["events-dev"].description.StreamSpecification = { StreamEnabled: false }), "stream", "disabled"],
    ["contributor insights off", (e) => (e.tables["events-dev"].insightsMode = undefined), "contributor insights", "DISABLED"],
    ["a wrong cost centre tag", (e) => (e.tables["events-dev"].tags = { ...e.tables["events-dev"].tags, CostCenter: "CC-0000" }), "tag CostCenter", "CC-0000"],
  ])("%s", async (_case, breakIt, check, actual) => {
    const environment = deployedEnvironment();
    breakIt(environment);
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([["events-dev", check, actual]]);
  });

  test("a missing table is a failed check, not a crash", async () => {
    const environment = deployedEnvironment();
    delete environment.tables["users-dev"];
    const result = await run(environment);
    expect(failed(result, "users-dev", "exists")?.actual).toBe("(not found)");
  });

  test("a role allowed DeleteTable: the failure names the role, the action and the resource", async () => {
    const environment = deployedEnvironment();
    environment.policies["arn:aws:iam::123456789012:role/dynamodb-sessions-dev-write-role"][0].actions.push("dynamodb:DeleteTable");
    const result = await run(environment);
    expect(failures(result).map((c) => c.check)).toEqual([
      "dynamodb-sessions-dev-write-role: dynamodb:DeleteTable on ownTable (arn:aws:dynamodb:ap-southeast-2:123456789012:table/sessions-dev): the matrix says Denied, AWS says allowed",
    ]);
    expect(result.code).toBe(1);
  });

  test("a read role that lost its stream access", async () => {
    const environment = deployedEnvironment();
    environment.policies["arn:aws:iam::123456789012:role/dynamodb-events-dev-read-role"].splice(1, 1);
    const result = await run(environment);
    expect(failures(result).map((c) => c.check.replace(/ \(.*$/, "")).sort()).toEqual(
      ["DescribeStream", "GetRecords", "GetShardIterator"].flatMap((action) =>
        ["ownRecreatedStream", "ownStream"].map((kind) => `dynamodb-events-dev-read-role: dynamodb:${action} on ${kind}`),
      ),
    );
  });

  test("a topic on aws/sns", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["KmsMasterKeyId"] = "alias/aws/sns";
    const result = await run(environment);
    const check = failed(result, "alarms-dynamodb-dev", "topic encryption");
    expect(check?.actual).toBe("KmsMasterKeyId alias/aws/sns");
    expect(check?.expected).toMatch(/never alias\/aws\/sns: CloudWatch cannot use it/);
  });

  test("a topic policy that does not let CloudWatch publish", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["Policy"] = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sns:Publish", Resource: TOPIC }] });
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([
      [
        "alarms-dynamodb-dev",
        "topic policy",
        "systemerrors-events-dev: not allowed; systemerrors-sessions-dev: not allowed; systemerrors-users-dev: not allowed; usererrors-dynamodb-dev: not allowed",
      ],
    ]);
  });

  test("a topic policy letting CloudWatch publish without the aws:SourceAccount and aws:SourceArn conditions", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["Policy"] = JSON.stringify({
      Statement: [{ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: TOPIC }],
    });
    const result = await run(environment);
    expect(failed(result, "alarms-dynamodb-dev", "topic policy")?.actual).toMatch(/^systemerrors-events-dev: allowed without aws:SourceAccount and aws:SourceArn conditions; /);
  });

  test("a topic policy whose aws:SourceArn leaves out one alarm names that alarm", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["Policy"] = environment.topicAttributes["Policy"].replace(/,"arn:aws:cloudwatch:[^"]*:alarm:usererrors-dynamodb-dev"/, "");
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([["alarms-dynamodb-dev", "topic policy", "usererrors-dynamodb-dev: not allowed"]]);
  });

  test("a topic on a key the stack's config does not name", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["KmsMasterKeyId"] = `arn:aws:kms:${REGION}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const result = await run(environment);
    expect(failed(result, "alarms-dynamodb-dev", "topic encryption")).toMatchObject({ expected: "no SSE", actual: expect.stringMatching(/^KmsMasterKeyId arn:aws:kms:/) as unknown });
  });

  test("a dashboard that is not in CloudWatch", async () => {
    const environment = deployedEnvironment();
    environment.dashboards = [];
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([["dynamodb-dev", "dashboard exists", "(not found)"]]);
    expect(result.code).toBe(1);
  });

  test("the dashboard is read with GetDashboard by its exported name, which follows dynamodb-{environmentSuffix}", async () => {
    const environment = deployedEnvironment();
    const served = serve(environment);
    try {
      await main(["--stack", "dev", "--json"], { out: () => undefined, setUp: setUp(environment) });
      expect(served.cloudwatch.commandCalls(GetDashboardCommand).map((call) => call.args[0].input)).toEqual([{ DashboardName: "dynamodb-dev" }]);
    } finally {
      served.restore();
    }
    const renamed = deployedEnvironment();
    (renamed.outputs["monitoring"] as { outputs: Record<string, unknown> }).outputs["dashboardName"] = "dynamodb-ops";
    renamed.dashboards = ["dynamodb-ops"];
    const result = await run(renamed);
    expect(failures(result).map((c) => [c.check, c.expected, c.actual])).toEqual([["dashboard name", "dynamodb-dev", "dynamodb-ops"]]);
  });

  test("a pending subscription", async () => {
    const environment = deployedEnvironment();
    environment.subscriptions[0].SubscriptionArn = "PendingConfirmation";
    const result = await run(environment);
    expect(failed(result, "alarms-dynamodb-dev", "subscription email oncall@example.com")?.actual).toBe("PendingConfirmation");
  });

  test("an alarm without actions", async () => {
    const environment = deployedEnvironment();
    environment.alarms[1] = { ...environment.alarms[1], AlarmActions: [], OKActions: [] };
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([
      ["systemerrors-sessions-dev", "ALARM action", "(none)"],
      ["systemerrors-sessions-dev", "OK action", "(none)"],
    ]);
  });

  test("a SystemErrors alarm on TableName alone (a metric DynamoDB never publishes)", async () => {
    const environment = deployedEnvironment();
    environment.alarms[0] = {
      ...environment.alarms[0],
      Metrics: undefined,
      Namespace: "AWS/DynamoDB",
      MetricName: "SystemErrors",
      Dimensions: [{ Name: "TableName", Value: "events-dev" }],
      Statistic: "Sum",
      Period: 60,
    };
    const result = await run(environment);
    expect(failed(result, "systemerrors-events-dev", "metric or query")?.actual).toBe("AWS/DynamoDB SystemErrors [TableName=events-dev] Sum 60s");
  });

  test("a SystemErrors alarm on the bare Metrics Insights query (no FILL: it would never return to OK)", async () => {
    const environment = deployedEnvironment();
    const [query] = environment.alarms[2].Metrics ?? [];
    environment.alarms[2] = { ...environment.alarms[2], Metrics: [{ ...query, ReturnData: true }] };
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.expected, c.actual])).toEqual([
      [
        "systemerrors-users-dev",
        "metric or query",
        `FILL({SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = 'users-dev' 60s}, 0)`,
        `SELECT SUM(SystemErrors) FROM SCHEMA("AWS/DynamoDB", Operation, TableName) WHERE TableName = 'users-dev' 60s`,
      ],
    ]);
  });

  test("alarms evaluated without the late-data minutes (M of M instead of M of M + 2)", async () => {
    const environment = deployedEnvironment();
    environment.alarms[0] = { ...environment.alarms[0], EvaluationPeriods: 3 };
    environment.alarms[3] = { ...environment.alarms[3], EvaluationPeriods: 1 };
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.expected, c.actual])).toEqual([
      ["systemerrors-events-dev", "evaluation", "3 of 5", "3 of 3"],
      ["usererrors-dynamodb-dev", "evaluation", "1 of 3", "1 of 1"],
    ]);
  });

  test("a UserErrors alarm filled over a per-table metric (UserErrors has no dimensions)", async () => {
    const environment = deployedEnvironment();
    const [source, filled] = environment.alarms[3].Metrics ?? [];
    const metric = { ...source.MetricStat!.Metric!, Dimensions: [{ Name: "TableName", Value: "events-dev" }] };
    environment.alarms[3] = { ...environment.alarms[3], Metrics: [{ ...source, MetricStat: { ...source.MetricStat!, Metric: metric } }, filled] };
    const result = await run(environment);
    expect(failed(result, "usererrors-dynamodb-dev", "metric or query")).toMatchObject({
      expected: "FILL({AWS/DynamoDB UserErrors [] Sum 60s}, 0)",
      actual: "FILL({AWS/DynamoDB UserErrors [TableName=events-dev] Sum 60s}, 0)",
    });
  });

  test("missing data treated as missing, and a threshold moved", async () => {
    const environment = deployedEnvironment();
    environment.alarms[3] = { ...environment.alarms[3], TreatMissingData: "missing", Threshold: 50 };
    const result = await run(environment);
    expect(failures(result).map((c) => [c.check, c.expected, c.actual])).toEqual([
      ["threshold", "GreaterThanThreshold 5", "GreaterThanThreshold 50"],
      ["missing data", "notBreaching", "missing"],
    ]);
  });
});

describe("stacks that are not deployed", () => {
  test("are failed checks with the reason; the checks needing their outputs are skipped", async () => {
    const environment = deployedEnvironment();
    environment.outputs["access"] = { deployed: false, reason: "stack 'dev' in stacks/access has no outputs: it has not been deployed" };
    const result = await run(environment);
    expect(failures(result)).toEqual([
      expect.objectContaining({ area: "stacks", subject: "dynamodb-access/dev", actual: expect.stringMatching(/^not deployed: .*has not been deployed/) as unknown }),
    ]);
    expect(result.checks.filter((check) => check.area === "roles")).toEqual([]);
    expect(result.code).toBe(1);
  });
});

describe("--fire-test-alarm", () => {
  const fire = ["--stack", "dev", "--json", "--fire-test-alarm"];
  const item = (state: string, error: string | null, summary: string) => ({
    Timestamp: new Date("2026-07-01T00:00:10Z"),
    HistorySummary: summary,
    HistoryData: JSON.stringify({ actionState: state, error, notificationResource: TOPIC, stateUpdateTimestamp: 1782864010000 }),
  });

  test("sets one SystemErrors alarm to ALARM with a verification reason and reports the delivery", async () => {
    const environment = deployedEnvironment();
    environment.historyPolls = [[], [item("Succeeded", null, `Successfully executed action ${TOPIC}`)]];
    const clock = fakeClock();
    const result = await run(environment, fire, clock);
    const test = result.checks.find((check) => check.area === "test-alarm");
    expect(test).toMatchObject({ status: "pass", subject: "systemerrors-events-dev", actual: `Succeeded: Successfully executed action ${TOPIC}` });
    expect(clock.slept()).toBe(5_000);
  });

  test("a failed delivery reports the exact error and exits 1", async () => {
    const environment = deployedEnvironment();
    const error = "CloudWatch Alarms does not have authorization to access the SNS topic encryption key.";
    environment.historyPolls = [[item("Failed", error, `Failed to execute action ${TOPIC}. Received error: "${error}"`)]];
    const result = await run(environment, fire);
    expect(result.checks.find((check) => check.area === "test-alarm")).toMatchObject({ status: "fail", actual: `Failed: ${error}` });
    expect(result.code).toBe(1);
  });

  test("no outcome within the bounded wait is a failure", async () => {
    const clock = fakeClock();
    const result = await run(deployedEnvironment(), fire, clock);
    expect(result.checks.find((check) => check.area === "test-alarm")?.actual).toBe("no action outcome recorded within 120 s");
    expect(clock.slept()).toBe(120_000);
  });

  test("SetAlarmState carries the verification reason; an alarm already in ALARM is skipped", async () => {
    const environment = deployedEnvironment();
    environment.alarms[0].StateValue = "ALARM";
    environment.historyPolls = [[item("Succeeded", null, "ok")]];
    const served = serve(environment);
    const code = await main(fire, { out: () => undefined, setUp: setUp(environment) });
    expect(served.cloudwatch.commandCalls(SetAlarmStateCommand).map((call) => call.args[0].input)).toEqual([
      { AlarmName: "systemerrors-sessions-dev", StateValue: "ALARM", StateReason: TEST_ALARM_REASON },
    ]);
    expect(code).toBe(0);
    served.restore();
  });
});

describe("usage and AWS errors", () => {
  test.each([[[]], [["--stack"]], [["--stack", "dev", "--bogus"]]])("%j exits 2 with the usage", async (argv) => {
    const result = await run(deployedEnvironment(), argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/usage: npm run verify -- --stack <stack>/);
  });

  test.each<[string, Error, RegExp]>([
    ["missing credentials", Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }), /no AWS credentials found/],
    ["expired credentials", Object.assign(new Error("The security token included in the request is expired"), { name: "ExpiredTokenException" }), /expired or invalid/],
    ["access denied", Object.assign(new Error("not authorized to perform: dynamodb:DescribeTable"), { name: "AccessDeniedException", $metadata: { httpStatusCode: 403 } }), /access denied/],
    ["throttling", Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }), /throttling the request after retries with backoff/],
  ])("%s stops verify with one line naming the call", async (_case, error, message) => {
    const environment = deployedEnvironment();
    const served = serve(environment);
    served.dynamodb.on(DescribeTableCommand).rejects(error);
    const failure = await main(["--stack", "dev"], { out: () => undefined, setUp: setUp(environment) }).catch((e: unknown) => e);
    served.restore();
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toMatch(/^DescribeTable events-dev \(ap-southeast-2\): /);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).not.toContain("\n");
  });
});

describe("what verify expects is what the stacks declare, with no other edit", () => {
  const thresholds = (result: Run) => failures(result).filter((c) => c.check === "threshold").map((c) => [c.subject, c.expected, c.actual]);

  test("a SystemErrors threshold changed in the monitoring stack's config", async () => {
    const declared = await planDeclaredState({ stack: "dev", configOverrides: { "dynamodb-monitoring": { systemErrorsThreshold: "4" } } });
    const result = await run(deployedEnvironment(), undefined, undefined, declared);
    expect(thresholds(result)).toEqual(
      ["events", "sessions", "users"].map((t) => [`systemerrors-${t}-dev`, "GreaterThanThreshold 4", "GreaterThanThreshold 1"]),
    );
  }, 60_000);

  test("an alarm period changed in the monitoring stack's program", async () => {
    // The monitoring program as if its alarms' queries were declared with 300 s periods.
    const fiveMinutes = (project: { dir: string; project: string }) => {
      const program = loadStackProgram(project.dir);
      if (project.project !== "dynamodb-monitoring") return program;
      return () => {
        pulumi.runtime.registerStackTransformation((args) => {
          if (args.type !== "aws:cloudwatch/metricAlarm:MetricAlarm") return undefined;
          const queries = (args.props["metricQueries"] as Record<string, unknown>[]).map((query) =>
            query["period"] !== undefined ? { ...query, period: 300 } : query["metric"] ? { ...query, metric: { ...(query["metric"]), period: 300 } } : query,
          );
          return { props: { ...args.props, metricQueries: queries }, opts: args.opts };
        });
        return program();
      };
    };
    const declared = await planDeclaredState({ stack: "dev", programFor: fiveMinutes });
    const result = await run(deployedEnvironment(), undefined, undefined, declared);
    const queries = failures(result).filter((c) => c.check === "metric or query");
    expect(queries.map((c) => c.subject).sort()).toEqual(["systemerrors-events-dev", "systemerrors-sessions-dev", "systemerrors-users-dev", "usererrors-dynamodb-dev"]);
    expect(queries.every((c) => c.expected.includes(" 300s}") && c.actual.includes(" 60s}"))).toBe(true);
  }, 60_000);

  test("a table added to the data stack: verify expects the table, its alarm and its roles, and reports them missing", async () => {
    const orders: TableSpec = { key: "orders", hashKey: { name: "orderId", type: "S" } };
    const withOrders = (project: { dir: string; project: string }) => {
      const program: unknown = loadStackProgram(project.dir);
      // The data stack's program takes the table specs to build (the production ones by default).
      const build = program as (specs?: readonly TableSpec[]) => Promise<object>;
      return project.project === "dynamodb-data" ? () => build([...TEST_TABLES, orders]) : () => build();
    };
    const declared = await planDeclaredState({ stack: "dev", programFor: withOrders });
    const environment = deployedEnvironment();
    const result = await run(environment, undefined, undefined, declared);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([
      ["orders-dev", "exists", "(not found)"],
      ["dynamodb-orders-dev-read-role", "role output", "(absent)"],
      ["dynamodb-orders-dev-write-role", "role output", "(absent)"],
      ["systemerrors-orders-dev", "exists", "(not found)"],
      ["alarms-dynamodb-dev", "topic policy", "systemerrors-orders-dev: not allowed"],
    ]);
  }, 60_000);
});

describe("verify reports, it does not abort", () => {
  test("a role that does not exist (NoSuchEntityException) is one failed check; every other check still runs", async () => {
    const environment = deployedEnvironment();
    delete environment.policies["arn:aws:iam::123456789012:role/dynamodb-users-dev-read-role"];
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check])).toEqual([["dynamodb-users-dev-read-role", "exists"]]);
    expect(result.checks.filter((c) => c.area === "alarms" && c.status === "pass").length).toBeGreaterThan(20);
    expect(result.code).toBe(1);
  });

  test("a missing alarm is a failed check", async () => {
    const environment = deployedEnvironment();
    environment.alarms.splice(3, 1);
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check])).toEqual([["usererrors-dynamodb-dev", "exists"]]);
  });

  test("a missing topic is a failed check; the alarms and the dashboard are still checked", async () => {
    const environment = deployedEnvironment();
    environment.topicMissing = true;
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check, c.actual])).toEqual([["alarms-dynamodb-dev", "topic exists", "(not found)"]]);
    expect(result.checks.some((c) => c.check === "dashboard exists" && c.status === "pass")).toBe(true);
  });

  test("an output the stack's contract requires is missing: one failed line naming it, the stack's checks skipped, the others run", async () => {
    const environment = deployedEnvironment();
    delete (environment.outputs["monitoring"] as { outputs: Record<string, unknown> }).outputs["dashboardName"];
    const result = await run(environment);
    expect(failures(result)).toEqual([
      expect.objectContaining({ subject: "dynamodb-monitoring/dev", check: "outputs", actual: "Stack dynamodb-monitoring/dev has no output 'dashboardName': deploy the stack from this commit, or check that --stack names the right stack" }),
    ]);
    expect(result.checks.filter((c) => c.area === "alarms")).toEqual([]);
    expect(result.checks.filter((c) => c.area === "tables").length).toBeGreaterThan(0);
  });

  test("an output of the wrong shape names the output and the value", async () => {
    const environment = deployedEnvironment();
    (environment.outputs["access"] as { outputs: Record<string, unknown> }).outputs["roleArns"] = { events: { read: "dynamodb-events-dev-read-role" } };
    const result = await run(environment);
    expect(failures(result).map((c) => c.actual)).toEqual([expect.stringMatching(/^Stack dynamodb-access\/dev output 'roleArns'\.events\.read is not an IAM role ARN: got /)]);
  });

  test("the data stack's outputs are held to the data contract", async () => {
    const environment = deployedEnvironment();
    delete (environment.outputs["data"] as { outputs: Record<string, unknown> }).outputs["tableArns"];
    const result = await run(environment);
    expect(failures(result).map((c) => [c.subject, c.check])).toEqual([["dynamodb-data/dev", "outputs"]]);
    expect(failures(result)[0].actual).toMatch(/tableArns/);
  });
});

describe("the simulator gets the context the real requests carry", () => {
  test("each simulation carries the request's global condition keys (region, TLS, principal, time)", async () => {
    const environment = deployedEnvironment();
    const served = serve(environment);
    try {
      await main(["--stack", "dev", "--json"], { out: () => undefined, setUp: setUp(environment) });
      const input = served.iam.commandCalls(SimulatePrincipalPolicyCommand)[0].args[0].input as { ContextEntries?: ContextEntry[] };
      const entries = input.ContextEntries ?? [];
      const byName: Record<string, string[]> = {};
      for (const entry of entries) byName[entry.ContextKeyName ?? ""] = [entry.ContextKeyType ?? "", ...(entry.ContextKeyValues ?? [])];
      expect(byName).toMatchObject({
        "aws:RequestedRegion": ["string", REGION],
        "aws:SecureTransport": ["boolean", "true"],
        "aws:PrincipalAccount": ["string", "123456789012"],
        "aws:PrincipalType": ["string", "AssumedRole"],
        "aws:CurrentTime": ["date", "2026-07-01T00:00:00.000Z"],
      });
    } finally {
      served.restore();
    }
  });

  test("an account whose service control policy guards aws:RequestedRegion: every cell is judged as the real request would be", async () => {
    const environment = deployedEnvironment();
    environment.guardedContextKeys = ["aws:RequestedRegion"];
    const result = await run(environment);
    expect(failures(result)).toEqual([]);
    const matrices = result.checks.filter((c) => c.area === "roles" && c.check.startsWith("permission matrix"));
    expect(matrices.map((c) => c.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass"]);
  });

  test("a key verify cannot know (aws:SourceVpc): one unverified line per role naming the key, no wall of denies", async () => {
    const environment = deployedEnvironment();
    environment.guardedContextKeys = ["aws:SourceVpc"];
    const result = await run(environment);
    const roles = result.checks.filter((c) => c.area === "roles" && c.check.startsWith("permission matrix"));
    expect(roles).toHaveLength(6);
    expect(roles.every((c) => c.status === "unverified" && /needs aws:SourceVpc/.test(c.actual))).toBe(true);
    expect(failures(result)).toEqual([]);
  });
});

describe("the topic policy and AWS's defaults, as a real break would show", () => {
  const policy = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
  const allAlarms = (environment: Environment) => environment.alarms.map((alarm) => alarm.AlarmArn);

  test("CloudWatch allowed on aws:SourceArn alone: aws:SourceAccount is required too", async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["Policy"] = policy({
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "SNS:Publish",
      Resource: TOPIC,
      Condition: { ArnLike: { "aws:SourceArn": allAlarms(environment) } },
    });
    const result = await run(environment);
    expect(failed(result, "alarms-dynamodb-dev", "topic policy")?.actual).toMatch(/^systemerrors-events-dev: allowed without aws:SourceAccount condition;/);
  });

  test('publishing allowed to Principal "*" (even on both conditions) is not CloudWatch by name', async () => {
    const environment = deployedEnvironment();
    environment.topicAttributes["Policy"] = policy({
      Effect: "Allow",
      Principal: "*",
      Action: "SNS:Publish",
      Resource: TOPIC,
      Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": allAlarms(environment) } },
    });
    const result = await run(environment);
    expect(failed(result, "alarms-dynamodb-dev", "topic policy")?.actual).toMatch(/allowed to any principal \("\*"\), not to cloudwatch.amazonaws.com/);
  });

  test("PITR enabled without RecoveryPeriodInDays is AWS's default, 35 days: it matches the declared 35", async () => {
    const environment = deployedEnvironment();
    environment.overrides.push((served) =>
      served.dynamodb.on(DescribeContinuousBackupsCommand, { TableName: "users-dev" }).resolves({
        ContinuousBackupsDescription: { ContinuousBackupsStatus: "ENABLED", PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: "ENABLED" } },
      }),
    );
    const result = await run(environment);
    expect(result.checks.find((c) => c.subject === "users-dev" && c.check === "point-in-time recovery")).toMatchObject({ status: "pass", actual: "ENABLED, 35 days" });
  });
});
