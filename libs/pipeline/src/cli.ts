import * as path from "node:path";
import { main } from "./main";

const WORKSPACE_ROOT = path.resolve(__dirname, "..", "..", "..");
process.exitCode = main(process.argv.slice(2), WORKSPACE_ROOT, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
