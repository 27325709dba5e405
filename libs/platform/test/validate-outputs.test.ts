import { validateDataStackOutputs } from "../src/data-contract";

const arn = (name: string) => `arn:aws:dynamodb:ap-southeast-2:123456789012:table/${name}`;
const good = {
  tableNames: { events: "events", users: "users" },
  tableArns: { events: arn("events"), users: arn("users") },
  streamArns: { events: `${arn("events")}/stream/2026-01-01T00:00:00.000` },
  contributorInsightsModes: { events: "ACCESSED_AND_THROTTLED_KEYS" },
};

describe("validateDataStackOutputs", () => {
  test("accepts consistent outputs", () => {
    expect(validateDataStackOutputs("s", good)).toEqual(good);
  });

  test.each([
    ["a non-object output", { ...good, tableNames: "events" }, /output 'tableNames' is not an object of strings/],
    ["no tables", { ...good, tableNames: {}, tableArns: {}, streamArns: {} }, /exports no tables/],
    ["a missing table ARN", { ...good, tableArns: { events: arn("events") } }, /'tableArns.users' \(undefined\) is not the ARN of table 'users'/],
    ["an ARN of another table", { ...good, tableArns: { ...good.tableArns, users: arn("events") } }, /'tableArns.users'/],
    ["a stream of an unknown table", { ...good, streamArns: { ...good.streamArns, other: `${arn("other")}/stream/x` } }, /'streamArns.other'/],
    ["a stream of another exported table", { ...good, streamArns: { users: good.streamArns.events } }, /'streamArns.users'/],
    ["a stream ARN that is a table ARN", { ...good, streamArns: { events: arn("events") } }, /'streamArns.events'/],
    ["contributor insights of an unknown table", { ...good, contributorInsightsModes: { other: "THROTTLED_KEYS" } }, /'contributorInsightsModes.other'/],
    ["a contributor insights mode DynamoDB does not have", { ...good, contributorInsightsModes: { events: "ALL_KEYS" } }, /'contributorInsightsModes.events' \(ALL_KEYS\) is not the contributor insights mode/],
    ["no contributorInsightsModes output", { ...good, contributorInsightsModes: undefined }, /output 'contributorInsightsModes' is not an object of strings/],
  ])("rejects %s", (_case, outputs, message) => {
    expect(() => validateDataStackOutputs("org/dynamodb-data/dev", outputs)).toThrow(message);
  });
});
