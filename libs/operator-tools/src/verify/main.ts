import { parseArgs } from "node:util";
import { ConfigError, StackFileError } from "@dynamodb-platform/platform";
import { LiveAccountError } from "../live-account";
import { planDeclaredState } from "@dynamodb-platform/offline-plan";
import { createClients } from "./clients";
import { formatJson, formatTable } from "./report";
import { pulumiOutputs } from "./stack-outputs";
import { verify, type VerifyOptions } from "./verify";

export const USAGE = "usage: npm run verify -- --stack <stack> [--json] [--fire-test-alarm]";

export interface VerifyArgs {
  readonly stack: string;
  readonly json: boolean;
  readonly fireTestAlarm: boolean;
}

/** Reads the command line once; bad usage is a one-line LiveAccountError (runCli: exit 2). */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  let values: { stack?: string; json: boolean; "fire-test-alarm": boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { stack: { type: "string" }, json: { type: "boolean", default: false }, "fire-test-alarm": { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new LiveAccountError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!values.stack) throw new LiveAccountError(`--stack is required. ${USAGE}`);
  return { stack: values.stack, json: values.json, fireTestAlarm: values["fire-test-alarm"] };
}

export interface MainIo {
  readonly out: (text: string) => void;
  /** Everything verify talks to, from the stack's region; tests swap in fixtures. */
  readonly setUp?: (args: VerifyArgs) => Promise<Omit<VerifyOptions, "fireTestAlarm">>;
}

/** The expectations from the offline plan of this commit's stacks (no AWS call), then the clients of the stack's region. */
async function liveSetUp(args: VerifyArgs): Promise<Omit<VerifyOptions, "fireTestAlarm">> {
  let declared;
  try {
    declared = await planDeclaredState({ stack: args.stack });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StackFileError) throw error;
    throw new LiveAccountError(`the offline plan of stack '${args.stack}' failed, so there is nothing to verify against: ${(error as Error).message.split("\n")[0]}`);
  }
  return { declared, clients: createClients(declared.region), readOutputs: pulumiOutputs };
}

/**
 * Exit codes: 0 every check passed (or is unverified), 1 a check failed. Bad usage, a missing
 * stack file, bad config and AWS errors throw; runCli prints them as one line and exits 2.
 */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const args = parseVerifyArgs(argv);
  const options = await (io.setUp ?? liveSetUp)(args);
  const checks = await verify({ ...options, fireTestAlarm: args.fireTestAlarm });
  io.out(args.json ? formatJson(args.stack, options.declared.region, checks) : formatTable(checks));
  return checks.some((check) => check.status === "fail") ? 1 : 0;
}
