import { parseArgs } from "node:util";
import { IAMClient } from "@aws-sdk/client-iam";
import { STSClient } from "@aws-sdk/client-sts";
import { LiveAccountError, awsClientConfig } from "../live-account";
import { WORKSPACE_ROOT, stackConfigSource } from "@dynamodb-platform/platform";
import { readBootstrapConfig } from "@dynamodb-platform/bootstrap/src/config";
import { preflight, renderPreflight, type PreflightClients } from "./preflight";

export const USAGE = "usage: npm run preflight -- --stack <bootstrap stack>";

export interface PreflightOptions {
  readonly root?: string;
  readonly clients?: (region: string) => PreflightClients;
  readonly print?: (line: string) => void;
}

/**
 * `preflight --stack <stack>`: after bootstrap, before the first push. Reads the bootstrap stack's
 * file (which stacks the roles serve, the state bucket) with the program's own readers, then asks
 * IAM. Exit 0: every call allowed; 1: some refused; 2 (runCli): bad input, no credentials, an AWS error.
 */
export async function main(argv: readonly string[], options: PreflightOptions = {}): Promise<number> {
  let stack: string | undefined;
  try {
    stack = parseArgs({ args: [...argv], options: { stack: { type: "string" } }, strict: true }).values.stack;
  } catch (error) {
    throw new LiveAccountError(`${(error as Error).message}. ${USAGE}`);
  }
  if (!stack) throw new LiveAccountError(`--stack is required. ${USAGE}`);
  const config = readBootstrapConfig(stackConfigSource("bootstrap", stack, options.root ?? WORKSPACE_ROOT));
  const clients = (options.clients ?? ((region) => ({ iam: new IAMClient(awsClientConfig(region)), sts: new STSClient(awsClientConfig(region)) })))(config.region);
  const { lines, exitCode } = renderPreflight(await preflight(config, clients));
  for (const line of lines) (options.print ?? console.log)(line);
  return exitCode;
}
