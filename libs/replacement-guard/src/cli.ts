import * as fs from "node:fs";
import { parsePreviewDocument } from "./preview-document";
import { describeReplacement, findTableReplacements } from "./table-replacements";

/**
 * Usage: replacement-guard <preview.json>. Exit 0 when no DynamoDB table would be replaced or
 * deleted; 1 (naming each table and the properties forcing it) when one would; 2 on bad input.
 */
function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file) {
    console.error("usage: replacement-guard <file written by 'pulumi preview --json'>");
    return 2;
  }
  let document;
  try {
    document = parsePreviewDocument(fs.readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`replacement-guard: ${file}: ${(error as Error).message}`);
    return 2;
  }
  const replacements = findTableReplacements(document);
  if (replacements.length === 0) {
    console.log(`replacement-guard: no DynamoDB table is replaced or deleted (${document.steps?.length ?? 0} steps checked)`);
    return 0;
  }
  console.error("replacement-guard: refusing to deploy, a replaced or deleted table loses its data:");
  for (const replacement of replacements) console.error(`  - ${describeReplacement(replacement)}`);
  console.error("Keep the table's name and key schema as they are in AWS (see the README, 'Adopting the production tables').");
  return 1;
}

process.exitCode = main(process.argv.slice(2));
