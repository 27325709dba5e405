import * as fs from "node:fs";
import * as path from "node:path";
import { isTaggableAwsType, UNTAGGABLE_AWS_TYPES } from "../src";

const awsPackage = path.dirname(require.resolve("@pulumi/aws/package.json"));

/** Whether @pulumi/aws declares a `tags` input for the resource type `aws:module/file:Class`. */
function declaresTagsInput(type: string): boolean {
  const match = /^aws:([a-zA-Z0-9]+)\/([a-zA-Z0-9]+):([A-Za-z0-9]+)$/.exec(type);
  if (!match) throw new Error(`not an AWS resource type: ${type}`);
  const [, module, file, className] = match;
  const declarations = fs.readFileSync(path.join(awsPackage, module, `${file}.d.ts`), "utf8");
  const args = new RegExp(`export interface ${className}Args \\{([\\s\\S]*?)\\n\\}`).exec(declarations);
  if (!args) throw new Error(`${className}Args not found for ${type}`);
  return /^\s+tags\?:/m.test(args[1]);
}

describe("the untaggable list is true to @pulumi/aws", () => {
  test.each([...UNTAGGABLE_AWS_TYPES])("%s has no tags input", (type) => {
    expect(declaresTagsInput(type)).toBe(false);
  });

  test.each([
    "aws:dynamodb/table:Table",
    "aws:sns/topic:Topic",
    "aws:cloudwatch/metricAlarm:MetricAlarm",
    "aws:iam/role:Role",
  ])("%s, used by the stacks, takes tags and is tagged", (type) => {
    expect(declaresTagsInput(type)).toBe(true);
    expect(isTaggableAwsType(type)).toBe(true);
  });

  test("non-AWS resources (stacks, components, references) are not tagged", () => {
    expect(isTaggableAwsType("pulumi:pulumi:StackReference")).toBe(false);
    expect(isTaggableAwsType("dynamodb-platform:data:DynamoTables")).toBe(false);
  });
});
