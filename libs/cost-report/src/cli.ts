import { runCli } from "@dynamodb-platform/live-account";
import { CostReportError } from "./errors";
import { parseOptions } from "./options";
import { renderJson, renderText } from "./render";
import { buildCostReport } from "./report";

/**
 * `npm run cost-report -- --stack <stack> [--days 14] [--prices <file>] [--save-prices <file>] [--json]`.
 * Exit 0 whatever the verdict; 2 with one line on stderr for bad input or an AWS failure.
 */
export async function main(argv: readonly string[], now: Date = new Date()): Promise<number> {
  try {
    const options = parseOptions(argv);
    const report = await buildCostReport(options, now);
    console.log(options.json ? renderJson(report) : renderText(report));
    return 0;
  } catch (error) {
    if (error instanceof CostReportError) {
      console.error(`cost-report: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli("cost-report", () => main(process.argv.slice(2)));
}
