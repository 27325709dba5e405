import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { readStackFiles } from "@dynamodb-platform/platform";
import { ProgramRunFailure, runProgram } from "../src";

const stackDir = path.join(__dirname, "fixture");

describe("readStackFiles (platform), which reads the stack folder for runProgram", () => {
  test("qualifies keys with the project and passes values as the engine does (strings, JSON for lists)", () => {
    expect(readStackFiles(stackDir, "dev")).toEqual({
      project: "runner-fixture",
      config: {
        "aws:region": "ap-southeast-2",
        "runner-fixture:flag": "true",
        "runner-fixture:count": "3",
        "runner-fixture:names": '["a","b"]',
        "runner-fixture:plain": "text",
      },
      stackFile: path.join(stackDir, "Pulumi.dev.yaml"),
      origin: Object.fromEntries(
        ["aws:region", "runner-fixture:flag", "runner-fixture:count", "runner-fixture:names", "runner-fixture:plain"].map((key) => [key, path.join(stackDir, "Pulumi.dev.yaml")]),
      ),
    });
  });

  test("a missing stack file is named", () => {
    expect(() => readStackFiles(stackDir, "nope")).toThrow(/Pulumi\.nope\.yaml does not exist/);
  });
});

describe("runProgram", () => {
  test("returns every registered resource with its inputs, options and the outputs", async () => {
    const run = await runProgram({
      stackDir,
      stack: "dev",
      configOverrides: { plain: "changed", flag: undefined },
      program: async () => {
        const config = new pulumi.Config();
        const topic = new aws.sns.Topic("topic", { name: config.require("plain") }, { protect: true });
        const table = new aws.dynamodb.Table(
          "table",
          { name: "t", streamEnabled: true },
          { import: "t", retainOnDelete: true, ignoreChanges: ["billingMode"], customTimeouts: { update: "12h" } },
        );
        const identity = await aws.getCallerIdentity();
        return { topicArn: topic.arn, streamArn: table.streamArn, account: identity.accountId, flag: config.get("flag") ?? "unset" };
      },
    });
    expect(run.outputs).toEqual({
      topicArn: "arn:aws:sns:ap-southeast-2:123456789012:changed",
      streamArn: "arn:aws:dynamodb:ap-southeast-2:123456789012:table/t/stream/2026-01-01T00:00:00.000",
      account: "123456789012",
      flag: "unset",
    });
    const topic = run.resources.find((r) => r.name === "topic");
    const table = run.resources.find((r) => r.name === "table");
    expect(topic).toMatchObject({ type: "aws:sns/topic:Topic", protect: true, retainOnDelete: false, importId: undefined });
    expect(table).toMatchObject({ importId: "t", retainOnDelete: true, protect: false, ignoreChanges: ["billingMode"], customTimeouts: { update: "12h" } });
    expect(topic?.ignoreChanges).toBeUndefined();
    expect(topic?.customTimeouts).toBeUndefined();
  });

  test("records the resources each dependsOn names, as one or as a list", async () => {
    const run = await runProgram({
      stackDir,
      stack: "dev",
      program: () => {
        const topic = new aws.sns.Topic("topic");
        const policy = new aws.sns.TopicPolicy("policy", { arn: topic.arn, policy: "{}" }, { dependsOn: topic });
        new aws.cloudwatch.MetricAlarm("alarm", { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1 }, { dependsOn: [policy, topic] });
        return Promise.resolve({});
      },
    });
    const dependsOn = (name: string) => run.resources.find((r) => r.name === name)?.dependsOn;
    expect(dependsOn("topic")).toEqual([]);
    expect(dependsOn("policy")).toEqual([{ type: "aws:sns/topic:Topic", name: "topic" }]);
    expect(dependsOn("alarm")).toEqual([
      { type: "aws:sns/topicPolicy:TopicPolicy", name: "policy" },
      { type: "aws:sns/topic:Topic", name: "topic" },
    ]);
  });

  test("a failing program rejects with its error and what it had registered", async () => {
    const failure = await runProgram({
      stackDir,
      stack: "dev",
      program: () => {
        new aws.sns.Topic("before-failure");
        return Promise.reject(new RangeError("bad input"));
      },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ProgramRunFailure);
    expect((failure as ProgramRunFailure).message).toBe("bad input");
    expect((failure as ProgramRunFailure).failure).toBeInstanceOf(RangeError);
    expect((failure as ProgramRunFailure).resources.map((r) => r.name)).toContain("before-failure");
  });

  test("an unmocked provider function fails loudly", async () => {
    await expect(
      runProgram({ stackDir, stack: "dev", program: async () => ({ zones: await aws.getAvailabilityZones() }) }),
    ).rejects.toThrow(/The mock cloud has no answer for 'aws:index\/getAvailabilityZones/);
  });
});
