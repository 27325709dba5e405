import * as path from "node:path";
import { dataStackName } from "@dynamodb-platform/platform";
import { exampleOutputsForStack } from "@dynamodb-platform/testing";
import { MOCK_ORGANIZATION, runProgram, type ProgramRun } from "@dynamodb-platform/program-runner";
import { monitoringProgram } from "../src/program";

export const STACKS = ["dev", "prod"] as const;
export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const TOPIC = "aws:sns/topic:Topic";
export const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
export const TOPIC_POLICY = "aws:sns/topicPolicy:TopicPolicy";

export const dataOutputsFor = exampleOutputsForStack;

export function runMonitoringStack(
  stack: string,
  configOverrides: Record<string, string | undefined> = {},
  stackOutputs: Record<string, Record<string, unknown>> = {
    [dataStackName(MOCK_ORGANIZATION, stack)]: { ...dataOutputsFor(stack) },
  },
): Promise<ProgramRun> {
  return runProgram({ stackDir: path.join(__dirname, ".."), stack, program: monitoringProgram, configOverrides, stackOutputs });
}
