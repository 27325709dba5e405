import { parseOptions } from "./options";
import { renderJson, renderText } from "./render";
import { LIVE_SOURCES, buildCostReport, type ReportSources } from "./report";

/**
 * `npm run cost-report -- --stack <stack> [--days 14] [--prices <file>] [--save-prices <file>] [--json]`.
 * Exit 0: a complete report, whatever the verdicts. Exit 1: the report is printed but incomplete
 * (a table's usage could not be read completely; it has no verdict). Bad input (CostReportError),
 * a missing stack file, bad config and AWS failures throw; runCli prints them as one line and exits 2.
 */
export async function main(argv: readonly string[], now: Date = new Date(), sources: ReportSources = LIVE_SOURCES): Promise<number> {
  const options = parseOptions(argv);
  const report = await buildCostReport(options, now, sources);
  console.log(options.json ? renderJson(report) : renderText(report));
  return report.complete ? 0 : 1;
}
