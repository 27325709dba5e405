import * as path from "node:path";
import { ProgramRunFailure, runProgram, type RunOptions } from "@dynamodb-platform/program-runner";
import { engineConfig } from "../src/config";
import { readDataStack, readDataStackName } from "../src/data-contract";

const arn = (name: string) => `arn:aws:dynamodb:ap-southeast-2:123456789012:table/${name}`;
const validOutputs = {
  tableNames: { events: "events-dev" },
  tableArns: { events: arn("events-dev") },
  streamArns: { events: `${arn("events-dev")}/stream/2026-01-01T00:00:00.000` },
  contributorInsightsModes: { events: "THROTTLED_KEYS" },
};

function run(options: Partial<RunOptions>) {
  return runProgram({
    stackDir: path.join(__dirname, "fixture"),
    stack: "dev",
    program: async () => {
      const name = readDataStackName(engineConfig());
      const { outputs } = await readDataStack(name);
      return { name, ...outputs };
    },
    ...options,
  });
}

describe("reading the data stack through a StackReference", () => {
  test("defaults to the data project's stack of the same name in the same organization", async () => {
    const result = await run({ stackOutputs: { "organization/dynamodb-data/dev": validOutputs } });
    expect(result.outputs).toEqual({ name: "organization/dynamodb-data/dev", ...validOutputs });
    const reference = result.resources.find((r) => r.type === "pulumi:pulumi:StackReference");
    expect(reference?.inputs["name"]).toBe("organization/dynamodb-data/dev");
  });

  test("the dataStack config key points elsewhere", async () => {
    const result = await run({
      configOverrides: { dataStack: "acme/dynamodb-data/staging" },
      stackOutputs: { "acme/dynamodb-data/staging": validOutputs },
    });
    expect(result.outputs["name"]).toBe("acme/dynamodb-data/staging");
  });

  test("a malformed dataStack is a config error", async () => {
    await expect(run({ configOverrides: { dataStack: "dev" } })).rejects.toThrow(
      /Invalid configuration 'contract-fixture:dataStack': 'dev' is not a fully qualified stack name/,
    );
  });

  test("a missing output names the stack and output and says to deploy the data stack first", async () => {
    const failure = await run({ stackOutputs: {} }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProgramRunFailure);
    expect((failure as Error).message).toMatch(
      /Required output 'tableNames' does not exist on stack 'organization\/dynamodb-data\/dev'.*Deploy the data stack first/,
    );
  });
});
