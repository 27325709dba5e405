import { parseArgs } from "node:util";
import { readStackContext } from "@dynamodb-platform/live-account";
import { createClients } from "./clients";
import { formatJson, formatTable } from "./report";
import { pulumiOutputs } from "./stack-outputs";
import { kmsKeyManagerLookup } from "./tables/kms-lookup";
import { verify, type VerifyOptions } from "./verify";

export const USAGE = "usage: npm run verify -- --stack <stack> [--json] [--fire-test-alarm]";

export interface VerifyArgs {
  readonly stack: string;
  readonly json: boolean;
  readonly fireTestAlarm: boolean;
}

/** Parses the command line; a usage error is returned as a message, not thrown. */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs | { readonly error: string } {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { stack: { type: "string" }, json: { type: "boolean", default: false }, "fire-test-alarm": { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (!values.stack) return { error: `--stack is required. ${USAGE}` };
    return { stack: values.stack, json: values.json, fireTestAlarm: values["fire-test-alarm"] };
  } catch (error) {
    return { error: `${(error as Error).message}. ${USAGE}` };
  }
}

export interface MainIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Everything verify talks to, from the stack's region; tests swap in fixtures. */
  readonly setUp?: (args: VerifyArgs) => Promise<Omit<VerifyOptions, "fireTestAlarm">>;
}

function liveSetUp(args: VerifyArgs): Promise<Omit<VerifyOptions, "fireTestAlarm">> {
  const context = readStackContext(args.stack);
  return Promise.resolve({ context, clients: createClients(context.region), readOutputs: pulumiOutputs, keyManager: kmsKeyManagerLookup(context.region) });
}

/** Exit codes: 0 every check passed (or is unverified), 1 a check failed, 2 bad usage. AWS errors throw (runCli: 2). */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const args = parseVerifyArgs(argv);
  if ("error" in args) {
    io.err(args.error);
    return 2;
  }
  const options = await (io.setUp ?? liveSetUp)(args);
  const checks = await verify({ ...options, fireTestAlarm: args.fireTestAlarm });
  io.out(args.json ? formatJson(args.stack, options.context.region, checks) : formatTable(checks));
  return checks.some((check) => check.status === "fail") ? 1 : 0;
}
