import { DATA_PROJECT } from "@dynamodb-platform/platform";
import { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, dataLossAcceptedLines, type DataLossProperty } from "@dynamodb-platform/platform";
import type { AdoptionReport } from "./adoption-report";
import type { Finding } from "./finding";

const LABEL_WIDTH = 12;

function findingLines(table: string, stack: string, finding: Finding): string[] {
  const lines = [
    `  ${finding.verdict.toUpperCase().padEnd(LABEL_WIDTH)} ${finding.topic}`,
    `  ${"".padEnd(LABEL_WIDTH)}   live:     ${finding.live}`,
    `  ${"".padEnd(LABEL_WIDTH)}   spec:     ${finding.spec}`,
    `  ${"".padEnd(LABEL_WIDTH)}   adoption: ${finding.adoption}`,
  ];
  if (finding.property && (finding.verdict === "data-loss" || finding.verdict === "acknowledged")) {
    lines.push(`  ${"".padEnd(LABEL_WIDTH)}   loses:    ${finding.risk ?? DATA_LOSS_PROPERTIES[finding.property]}`);
  }
  if (finding.property && finding.verdict === "data-loss") {
    lines.push(
      `  ${"".padEnd(LABEL_WIDTH)}   accept:   in stacks/data/Pulumi.${stack}.yaml, dynamodb-data:${DATA_LOSS_ACCEPTED_KEY}: { ${table}: [${finding.property}] }`,
    );
  }
  return lines;
}

/**
 * The stack-file lines that accept every loss the report found (DATA-LOSS) and keep what is already
 * accepted (ACKNOWLEDGED): the same lines the guard prints for the previews of the adoption steps.
 */
function acceptBlock(report: AdoptionReport): string[] {
  const accepted: Record<string, DataLossProperty[]> = {};
  let missing = false;
  for (const table of report.tables) {
    for (const finding of table.findings) {
      if (!finding.property || (finding.verdict !== "data-loss" && finding.verdict !== "acknowledged")) continue;
      missing ||= finding.verdict === "data-loss";
      accepted[table.key] = [...(accepted[table.key] ?? []), finding.property];
    }
  }
  if (!missing) return [];
  return ["", `To accept every DATA-LOSS above, set in stacks/data/Pulumi.${report.stack}.yaml:`, ...dataLossAcceptedLines(DATA_PROJECT, accepted)];
}

/** The report for people: per table, every finding with live state, spec and effect. */
export function renderText(report: AdoptionReport): string {
  const lines = [`Adoption report for stack '${report.stack}' (${report.region}): the live tables beside the specs, and what adoption does`];
  for (const table of report.tables) {
    lines.push("", `${table.key} (live table '${table.physicalName}')`);
    for (const finding of table.findings) lines.push(...findingLines(table.key, report.stack, finding));
  }
  lines.push(...acceptBlock(report));
  lines.push(
    "",
    report.failures === 0
      ? "Result: nothing fails or is lost without an acknowledgement."
      : `Result: ${report.failures} finding(s) marked STOP or DATA-LOSS would fail the deploy or lose data without an acknowledgement.`,
  );
  return lines.join("\n");
}
