import * as path from "node:path";
import { runProgram, type ProgramRun } from "@dynamodb-platform/program-runner";
import { bootstrapProgram } from "../src/program";

export const STACKS = ["dev", "prod"] as const;
export const ROLE = "aws:iam/role:Role";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

export function runBootstrapStack(stack: string, configOverrides: Record<string, string | undefined> = {}): Promise<ProgramRun> {
  return runProgram({ stackDir: path.join(__dirname, ".."), stack, program: bootstrapProgram, configOverrides });
}
