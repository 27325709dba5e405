import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { checkPreview } from "./guard";
import { readGuardContext } from "./guard-context";
import { parsePreviewDocument } from "./preview-document";
import { formatResult } from "./report";

const USAGE = "usage: npm run guard -- --stack <stack> <file written by 'pulumi preview --json'>";

/**
 * Exit 0 when no DynamoDB table would lose data without the stack's acknowledgement; 1 (naming
 * table, property, what is lost and the config that accepts it) when one would; 2 on bad input.
 */
export function main(argv: readonly string[]): number {
  let stack: string | undefined;
  let stackDir: string | undefined;
  let files: string[];
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { stack: { type: "string" }, "stack-dir": { type: "string" } },
      allowPositionals: true,
    });
    stack = parsed.values.stack;
    stackDir = parsed.values["stack-dir"];
    files = parsed.positionals;
  } catch (error) {
    console.error(`replacement-guard: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!stack || files.length !== 1) {
    console.error(`replacement-guard: ${!stack ? "--stack is required" : "give exactly one preview file"}\n${USAGE}`);
    return 2;
  }
  try {
    const context = readGuardContext(stack, stackDir);
    const document = parsePreviewDocument(fs.readFileSync(files[0], "utf8"));
    const { stdout, stderr, exitCode } = formatResult(checkPreview(document, context), context);
    for (const line of stdout) console.log(line);
    for (const line of stderr) console.error(line);
    return exitCode;
  } catch (error) {
    // Bad config, a missing or malformed file: never a pass, and one line that names it.
    console.error(`replacement-guard: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
