import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

function list(tags: Readonly<Record<string, string>>, keys: readonly string[]): string {
  return keys.map((key) => `${key}=${tags[key]}`).join(", ");
}

/**
 * The program's tags replace the table's: live tags it does not declare are removed (for example
 * one that selects the table for AWS Backup). Tags under the reserved `aws:` prefix are AWS's own;
 * the provider ignores them. Removals are listed, not refused.
 */
export function checkTags({ live, programTags }: CheckInput): Finding[] {
  const liveTags = Object.fromEntries(Object.entries(live.tags).filter(([key]) => !key.toLowerCase().startsWith("aws:")));
  const removed = Object.keys(liveTags).filter((key) => !(key in programTags));
  const changed = Object.keys(programTags).filter((key) => key in liveTags && liveTags[key] !== programTags[key]);
  const added = Object.keys(programTags).filter((key) => !(key in liveTags));
  const effects = [
    ...(removed.length ? [`removes ${list(liveTags, removed)}`] : []),
    ...(changed.length ? [`changes ${changed.map((key) => `${key}: ${liveTags[key]} -> ${programTags[key]}`).join(", ")}`] : []),
    ...(added.length ? [`adds ${list(programTags, added)}`] : []),
  ];
  return [
    {
      topic: "tags",
      live: list(liveTags, Object.keys(liveTags)) || "(none)",
      spec: list(programTags, Object.keys(programTags)),
      adoption: effects.length ? effects.join("; ") : "unchanged",
      verdict: removed.length || changed.length ? "attention" : added.length ? "change" : "ok",
    },
  ];
}
