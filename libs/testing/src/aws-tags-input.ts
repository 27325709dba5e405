import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Whether @pulumi/aws declares a `tags` input for the resource type `aws:module/file:Class`, read
 * from the package's own declarations. Used to prove the untaggable list and every type the
 * stacks register are classified right.
 */
export function awsTypeDeclaresTags(type: string): boolean {
  const match = /^aws:([a-zA-Z0-9]+)\/([a-zA-Z0-9]+):([A-Za-z0-9]+)$/.exec(type);
  if (!match) throw new Error(`not an AWS resource type: ${type}`);
  const [, module, file, className] = match;
  const awsPackage = path.dirname(require.resolve("@pulumi/aws/package.json"));
  const declarations = fs.readFileSync(path.join(awsPackage, module, `${file}.d.ts`), "utf8");
  const args = new RegExp(`export interface ${className}Args \\{([\\s\\S]*?)\\n\\}`).exec(declarations);
  if (!args) throw new Error(`${className}Args not found for ${type}`);
  return /^\s+tags\?:/m.test(args[1]);
}
