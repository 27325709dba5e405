import { parseArgs } from "node:util";
import { LiveAccountError } from "../live-account";
import { buildAdoptionReport, type ReportOptions } from "./adoption-report";
import { renderText } from "./render-text";

export const USAGE = "usage: npm run adoption-report -- --stack <stack> [--json]";

export interface MainOptions extends ReportOptions {
  readonly print?: (text: string) => void;
}

/**
 * `adoption-report --stack <stack> [--json]`. Exit 0: nothing fails or is lost without an
 * acknowledgement; 1: something would; 2 (through runCli): bad arguments, a missing stack file
 * (StackFileError), bad config (ConfigError) or an AWS error (LiveAccountError).
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  let values: { stack?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { stack: { type: "string" }, json: { type: "boolean" } }, strict: true }));
  } catch (error) {
    throw new LiveAccountError(`${(error as Error).message}. ${USAGE}`);
  }
  const stack = values.stack;
  if (!stack) throw new LiveAccountError(`--stack is required. ${USAGE}`);
  const report = await buildAdoptionReport(stack, options);
  const print = options.print ?? ((text: string) => console.log(text));
  print(values.json ? JSON.stringify(report, null, 2) : renderText(report));
  return report.failures === 0 ? 0 : 1;
}
