import type { PreviewStep } from "./preview-document";
import { changedPaths, oldValues, newValues, topLevel } from "./table-diff";

function tagKeys(value: unknown): string[] {
  return typeof value === "object" && value !== null ? Object.keys(value) : [];
}

/** Tags the step would remove from the table (listed, not refused: e.g. one AWS Backup selects on). */
export function removedTags(step: PreviewStep): string[] {
  const before = oldValues(step);
  if (before !== undefined) {
    const after = tagKeys(newValues(step)["tags"]);
    return tagKeys(before["tags"]).filter((key) => !after.includes(key));
  }
  return changedPaths(step)
    .filter((changed) => topLevel(changed.path) === "tags" && changed.path.startsWith("tags.") && changed.kind.startsWith("delete"))
    .map((changed) => changed.path.slice("tags.".length));
}
