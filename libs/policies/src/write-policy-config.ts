import * as fs from "node:fs";
import * as path from "node:path";
import { policyConfigFor } from "./policy-config";

/**
 * Usage (in a stack's folder): write-policy-config <stack>. Writes dist/policy-config.<stack>.json
 * for `pulumi preview|up --policy-pack ... --policy-pack-config dist/policy-config.<stack>.json`.
 */
const stack = process.argv[2];
if (!stack || !/^[A-Za-z0-9_.-]+$/.test(stack)) {
  console.error("usage: write-policy-config <stack>   (run in the stack's folder)");
  process.exit(2);
}
const file = path.join("dist", `policy-config.${stack}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(policyConfigFor(process.cwd(), stack), null, 2)}\n`);
