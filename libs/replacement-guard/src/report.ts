import { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, dataLossAcceptedLines, type DataLossProperty } from "@dynamodb-platform/platform";
import type { GuardContext } from "./guard-context";
import { passes, type GuardResult } from "./guard";

const TOOL = "replacement-guard";

/** The YAML lines that accept exactly the refused changes (plus what the stack already accepts). */
function acceptingLines(result: GuardResult, context: GuardContext): string[] {
  const byTable: Record<string, DataLossProperty[]> = {};
  for (const finding of result.refused) {
    byTable[finding.table] = [...(byTable[finding.table] ?? context.accepted[finding.table] ?? []), finding.property];
  }
  return dataLossAcceptedLines(context.project, byTable);
}

/** What the guard prints: stdout lines and stderr lines, and its exit code (0 safe, 1 refused). */
export function formatResult(result: GuardResult, context: GuardContext): { stdout: string[]; stderr: string[]; exitCode: number } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  for (const removal of result.tagRemovals) {
    stdout.push(`${TOOL}: note: table '${removal.table}' would lose the tags ${removal.tags.join(", ")} (listed, not refused)`);
  }
  for (const finding of result.accepted) {
    stdout.push(`${TOOL}: accepted by ${DATA_LOSS_ACCEPTED_KEY}: ${finding.table} / ${finding.property}: ${finding.change}`);
  }
  if (passes(result)) {
    stdout.push(`${TOOL}: no DynamoDB table loses data without acknowledgement (${result.stepsChecked} steps checked)`);
    return { stdout, stderr, exitCode: 0 };
  }
  if (result.refused.length > 0) {
    stderr.push(`${TOOL}: refusing to deploy, these changes lose data and stack '${context.stack}' does not accept them:`);
    for (const finding of result.refused) {
      stderr.push(`  - ${finding.table} / ${finding.property}: ${finding.change} (${finding.urn})`);
      stderr.push(`      loses: ${DATA_LOSS_PROPERTIES[finding.property]}`);
    }
    stderr.push(`To accept exactly these, set in ${context.stackFile}:`, ...acceptingLines(result, context));
  }
  if (result.conflicts.length > 0) {
    stderr.push(`${TOOL}: refusing to deploy, DynamoDB would reject these table updates (not acknowledgeable):`);
    for (const conflict of result.conflicts) {
      stderr.push(
        `  - ${conflict.table}: ${conflict.properties.join(", ")} change in one update; the provider sends billing and stream ` +
          `changes in one UpdateTable call, which DynamoDB refuses ("You cannot modify stream status while updating table IOPS"). ` +
          `Run the adoption steps in order (adoptionStep: billing, streams, indexes, complete) (${conflict.urn})`,
      );
    }
  }
  if (result.keyTypeChanges.length > 0) {
    stderr.push(`${TOOL}: refusing to deploy, an index key would change type, which no update applies (not acknowledgeable):`);
    for (const change of result.keyTypeChanges) {
      stderr.push(
        `  - ${change.table}: attribute '${change.attribute}' ${change.from ?? "(type not shown)"} -> ${change.to}; rebuild the index with that type ` +
          `(remove it from the spec, deploy, add it back) or make the spec match the live type (${change.urn})`,
      );
    }
  }
  return { stdout, stderr, exitCode: 1 };
}
