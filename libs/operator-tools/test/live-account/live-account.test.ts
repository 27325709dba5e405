import { DynamoDBClient, DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import type { RetryStrategyV2 } from "@smithy/types";
import { mockClient } from "aws-sdk-client-mock";
import { LiveAccountError, awsCall, awsClientConfig, readStackOutputs, type CommandRunner } from "../../src/live-account";
import { readStackContext } from "@dynamodb-platform/platform";

function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe("AWS failures become one line that says what to do", () => {
  const dynamodb = mockClient(DynamoDBClient);
  afterEach(() => dynamodb.reset());
  const describeEvents = () => new DynamoDBClient(awsClientConfig("ap-southeast-2")).send(new DescribeTableCommand({ TableName: "events" }));

  test.each<[string, Error, RegExp]>([
    ["missing credentials", awsError("CredentialsProviderError", "Could not load credentials from any providers"), /^DescribeTable events: no AWS credentials found\. Sign in/],
    ["expired credentials", awsError("ExpiredTokenException", "The security token included in the request is expired"), /expired or invalid \(ExpiredTokenException\)\. Refresh them/],
    ["access denied", awsError("AccessDeniedException", "User: x is not authorized to perform: dynamodb:DescribeTable", 403), /access denied \(User: x is not authorized.*\)\. Use a role allowed/],
    ["throttling", awsError("ThrottlingException", "Rate exceeded"), /throttling the request after retries with backoff/],
    ["missing table", awsError("ResourceNotFoundException", "Requested resource not found: Table: events not found"), /not found \(Requested resource not found/],
  ])("%s", async (_, error, expected) => {
    dynamodb.on(DescribeTableCommand).rejects(error);
    const failure = await awsCall("DescribeTable events", describeEvents).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toMatch(expected);
    expect((failure as Error).message).not.toContain("\n");
  });

  test("clients retry with adaptive backoff", () => {
    expect(awsClientConfig("ap-southeast-2")).toEqual({ region: "ap-southeast-2", maxAttempts: 8, retryMode: "adaptive" });
  });

  test("the moto tiers' immediate mode: the SDK's standard strategy, with the tools' 8 attempts (7 retries) after a throttle", async () => {
    const config = awsClientConfig("ap-southeast-2", "immediate");
    expect(config.region).toBe("ap-southeast-2");
    const strategy = (config as { retryStrategy: RetryStrategyV2 }).retryStrategy;
    // The strategy waits out its backoff itself, with setTimeout, before it hands out the next token.
    const waits: unknown[] = [];
    const timer = jest.spyOn(global, "setTimeout").mockImplementation(((resolve: () => void, ms?: number) => {
      waits.push(ms);
      resolve();
      return 0;
    }) as unknown as typeof setTimeout);
    try {
      let token = await strategy.acquireInitialRetryToken("dynamodb");
      let retries = 0;
      for (;;) {
        const next = await strategy.refreshRetryTokenForRetry(token, { errorType: "THROTTLING" }).catch(() => undefined);
        if (!next) break;
        token = next;
        retries += 1;
      }
      expect(retries).toBe(7);
      expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0]);
    } finally {
      timer.mockRestore();
    }
  });
});

describe("stack context comes from the data stack's own files", () => {
  test("prod adopts the tables by their exact names", () => {
    const context = readStackContext("prod");
    expect(context.region).toBe("ap-southeast-2");
    expect(context.tables.map((t) => t.physicalName)).toEqual(["events", "sessions", "users"]);
  });

  test("dev's tables carry its suffix", () => {
    expect(readStackContext("dev").tables.map((t) => t.physicalName)).toEqual(["events-dev", "sessions-dev", "users-dev"]);
  });

  test("a stack without files is named", () => {
    expect(() => readStackContext("nope")).toThrow(/Pulumi\.nope\.yaml does not exist/);
  });
});

describe("stack outputs", () => {
  const runner = (result: string | Error): CommandRunner => () => (typeof result === "string" ? Promise.resolve(result) : Promise.reject(result));

  test("a deployed stack's outputs are returned", async () => {
    await expect(readStackOutputs("/x", "prod", runner('{"tableNames":{"events":"events"}}'))).resolves.toEqual({
      deployed: true,
      outputs: { tableNames: { events: "events" } },
    });
  });

  test("a stack that does not exist is reported as not deployed", async () => {
    const error = Object.assign(new Error("Command failed"), { stderr: "error: no stack named 'prod' found" });
    await expect(readStackOutputs("/x", "prod", runner(error))).resolves.toMatchObject({ deployed: false, reason: expect.stringMatching(/does not exist/) as unknown });
  });

  test("a stack with no outputs is reported as not deployed", async () => {
    await expect(readStackOutputs("/x", "prod", runner("{}"))).resolves.toMatchObject({ deployed: false });
  });

  test.each([
    ["a line before the JSON", 'warning: A new version of Pulumi is available.\n{"tableNames":{}}', /printed something that is not the JSON of the outputs, starting with 'warning: A new version of Pulumi is available\.'/],
    ["a truncated answer", '{"tableNames":', /not the JSON of the outputs, starting with '\{"tableNames":'/],
    ["a JSON array", "[1,2]", /printed a JSON array, not the object of the stack's outputs/],
  ])("%s is refused in one line naming the command and stack", async (_case, stdout, message) => {
    const failure = await readStackOutputs("/x", "prod", runner(stdout)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LiveAccountError);
    expect((failure as Error).message).toMatch(/^pulumi stack output --json --stack prod \(in \/x\) /);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).not.toContain("\n");
  });

  test("a missing Pulumi CLI is one clear line", async () => {
    const error = Object.assign(new Error("spawn pulumi ENOENT"), { code: "ENOENT" });
    await expect(readStackOutputs("/x", "prod", runner(error))).rejects.toThrow(/the Pulumi CLI is not installed/);
  });
});
