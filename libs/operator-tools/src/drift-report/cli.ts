import * as fs from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { parsePreviewDocument, type PreviewDocument } from "@dynamodb-platform/replacement-guard";
import { driftVerdict } from "./drift";

const USAGE = "usage (in a stack's folder): drift-report --stack <stack> --preview-exit <pulumi's exit code> <preview.json>";

/** Runs in the stack's folder, like the Nx target that calls it; the project name comes from its Pulumi.yaml. */
function main(argv: string[]): number {
  let stack: string;
  let exit: string;
  let file: string;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { stack: { type: "string" }, "preview-exit": { type: "string" } }, allowPositionals: true, strict: true });
    if (!values.stack || values["preview-exit"] === undefined || positionals.length !== 1) throw new Error("--stack, --preview-exit and one preview file are required");
    if (!/^\d+$/.test(values["preview-exit"])) throw new Error(`--preview-exit '${values["preview-exit"]}' is not an exit code`);
    [stack, exit, file] = [values.stack, values["preview-exit"], positionals[0]];
  } catch (error) {
    console.error(`drift-report: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { name } = parse(fs.readFileSync("Pulumi.yaml", "utf8")) as { name: string };
  let document: PreviewDocument | undefined;
  try {
    document = parsePreviewDocument(fs.readFileSync(file, "utf8"));
  } catch {
    document = undefined;
  }
  const verdict = driftVerdict(`${name}/${stack}`, Number(exit), document);
  (verdict.drifted ? console.error : console.log)(verdict.lines.join("\n"));
  return verdict.drifted ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
