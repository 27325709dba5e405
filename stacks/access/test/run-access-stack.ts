import * as path from "node:path";
import { dataStackName } from "@dynamodb-platform/platform";
import { exampleOutputsForStack } from "@dynamodb-platform/testing";
import { MOCK_ORGANIZATION, runProgram, type ProgramRun } from "@dynamodb-platform/program-runner";
import { accessProgram } from "../src/program";

export const STACKS = ["dev", "prod"] as const;
export const ROLE = "aws:iam/role:Role";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const dataOutputsFor = exampleOutputsForStack;

export function runAccessStack(
  stack: string,
  configOverrides: Record<string, string | undefined> = {},
  stackOutputs: Record<string, Record<string, unknown>> = {
    [dataStackName(MOCK_ORGANIZATION, stack)]: { ...dataOutputsFor(stack) },
  },
): Promise<ProgramRun> {
  return runProgram({ stackDir: path.join(__dirname, ".."), stack, program: accessProgram, configOverrides, stackOutputs });
}
