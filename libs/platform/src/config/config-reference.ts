import type { ConfigKeySpec } from "./declared-keys";

const cell = (text: string): string => text.replace(/\|/g, "\\|");

/**
 * The table of docs/configuration.md for one file's keys, rendered from the readers' declared
 * key lists, so a test can hold the page equal to what the stacks read.
 */
export function renderKeyTable(specs: readonly ConfigKeySpec[]): string {
  const rows = specs.map((spec) =>
    [
      `\`${spec.key}\``,
      cell(spec.type),
      cell(spec.default),
      cell(spec.description),
      spec.invalid ? `\`${cell(spec.invalid.value)}\`: ${cell(spec.invalid.error)}` : "",
    ].join(" | "),
  );
  return ["| Key | Type | Default | What it does | A bad value and its error |", "| --- | --- | --- | --- | --- |", ...rows.map((row) => `| ${row} |`)].join("\n");
}

/** The text between `<!-- keys: name -->` and `<!-- end keys -->` in the reference, trimmed. */
export function referenceSection(markdown: string, name: string): string {
  const start = `<!-- keys: ${name} -->`;
  const from = markdown.indexOf(start);
  if (from < 0) throw new Error(`docs/configuration.md has no section '${start}'`);
  const to = markdown.indexOf("<!-- end keys -->", from);
  if (to < 0) throw new Error(`docs/configuration.md: section '${start}' has no '<!-- end keys -->'`);
  return markdown.slice(from + start.length, to).trim();
}
