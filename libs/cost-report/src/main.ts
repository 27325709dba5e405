import { parseOptions } from "./options";
import { renderJson, renderText } from "./render";
import { buildCostReport } from "./report";

/**
 * `npm run cost-report -- --stack <stack> [--days 14] [--prices <file>] [--save-prices <file>] [--json]`.
 * Exit 0 whatever the verdict. Bad input (CostReportError), a missing stack file, bad config and
 * AWS failures throw; runCli prints them as one line and exits 2.
 */
export async function main(argv: readonly string[], now: Date = new Date()): Promise<number> {
  const options = parseOptions(argv);
  const report = await buildCostReport(options, now);
  console.log(options.json ? renderJson(report) : renderText(report));
  return 0;
}
