import { exampleDataStackOutputs } from "@dynamodb-platform/testing";
import { expectRunFailure, resourcesOfType } from "@dynamodb-platform/program-runner";
import { ROLE, runAccessStack } from "./run-access-stack";

/**
 * IAM role names hold at most 64 characters (IAM API reference, CreateRole: RoleName "Length
 * Constraints: Minimum length of 1. Maximum length of 64"). The write role's name is the table's
 * name plus 20 characters (`dynamodb-` and `-write-role`), so tables of 44 and 45 characters sit
 * on either side of the limit.
 */
const tableOfLength = (length: number) => "events-" + "x".repeat(length - "events-".length);
const runWithEventsTable = (table: string) =>
  runAccessStack("dev", {}, { "organization/dynamodb-data/dev": { ...exampleDataStackOutputs({ tableNames: { events: table }, streams: ["events"] }) } });

describe("IAM's 64-character role-name limit", () => {
  test("a write role name of exactly 64 characters is declared as is", async () => {
    const table = tableOfLength(44);
    const run = await runWithEventsTable(table);
    const names = resourcesOfType(run, ROLE).map((role) => String(role.inputs["name"]));
    expect(names.map((name) => name.length).sort()).toEqual([63, 64]);
    expect(names).toContain(`dynamodb-${table}-write-role`);
  });

  test("a write role name of 65 characters stops the run before any AWS resource, naming the role and the fix", async () => {
    const table = tableOfLength(45);
    const failure = await expectRunFailure(runWithEventsTable(table));
    expect(failure.message).toMatch(
      new RegExp(`IAM role name 'dynamodb-${table}-write-role' is 65 characters; IAM allows 64.*use a shorter environmentSuffix`),
    );
    expect(failure.resources.filter((resource) => resource.type.startsWith("aws:"))).toEqual([]);
  });
});
