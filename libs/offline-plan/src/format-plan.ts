import * as path from "node:path";
import { cloudResources, sortedResources } from "@dynamodb-platform/program-runner";
import type { PlannedStack } from "./plan-stacks";
import { shortType, summarize } from "./summarize";

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The human-readable plan: per stack, each resource with the properties that matter, then totals. */
export function formatPlan(stack: string, planned: readonly PlannedStack[], root: string, jsonDir: string): string {
  const lines = [
    `Offline plan of stack '${stack}'`,
    "Each stack's real program ran under Pulumi's mock runtime with its Pulumi.<stack>.yaml: no AWS calls,",
    "no credentials, no Pulumi state. This is NOT a 'pulumi preview' against AWS: it shows what the programs",
    "declare, not the difference from what exists. ARNs and account 123456789012 are placeholders.",
    "",
  ];
  const all = planned.flatMap((entry) => cloudResources(entry.run).map((resource) => ({ entry, resource })));
  for (const entry of planned) {
    const resources = sortedResources(cloudResources(entry.run));
    const references = entry.run.resources.filter((r) => r.type === "pulumi:pulumi:StackReference");
    const imports = resources.filter((r) => r.importId !== undefined).length;
    lines.push(
      `${entry.project} (${path.relative(root, entry.dir)}): ${resources.length} resources, ${imports} imports, planned in ${entry.seconds.toFixed(2)} s`,
    );
    for (const reference of references) lines.push(`  ${summarize(reference).join(" ")}`);
    for (const resource of resources) {
      const [first, ...rest] = summarize(resource);
      lines.push(`  + ${shortType(resource.type).padEnd(28)} ${resource.name}${first ? `  ${first}` : ""}`);
      for (const detail of rest) lines.push(`      ${detail}`);
    }
    lines.push("");
  }
  const imports = all.filter(({ resource }) => resource.importId !== undefined).length;
  lines.push(`Totals: ${all.length} resources in ${planned.length} stacks, ${imports} to import`);
  for (const [type, count] of [...countBy(all, ({ resource }) => shortType(resource.type))].sort()) {
    lines.push(`  ${type.padEnd(30)} ${count}`);
  }
  lines.push(`Full plan (every input of every resource, and the outputs): ${path.relative(root, jsonDir)}/`);
  return lines.join("\n");
}
