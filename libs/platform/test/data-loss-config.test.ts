import type { ConfigSource } from "../src/config";
import { readDataLossAccepted } from "../src/table-specs";

const TABLES = ["events", "sessions", "users"];

/** The strings the engine hands a program for `dynamodb-data:dataLossAccepted` written as YAML. */
function source(value: unknown): ConfigSource {
  return {
    project: "dynamodb-data",
    get: (key) => (key === "dataLossAccepted" && value !== undefined ? JSON.stringify(value) : undefined),
  };
}

describe("dataLossAccepted: the operator's acknowledgements", () => {
  test("absent: nothing is accepted", () => {
    expect(readDataLossAccepted(source(undefined), TABLES)).toEqual({});
  });

  test("a map of table to properties is read as written", () => {
    expect(readDataLossAccepted(source({ sessions: ["globalSecondaryIndexes"], events: ["streamEnabled", "streamViewType"] }), TABLES)).toEqual({
      sessions: ["globalSecondaryIndexes"],
      events: ["streamEnabled", "streamViewType"],
    });
  });

  test.each<[string, unknown, RegExp]>([
    ["a list instead of a map", ["sessions"], /'dynamodb-data:dataLossAccepted'.*not a map of table.*pulumi config set --path/],
    ["a table this stack does not have", { orders: ["table"] }, /'dynamodb-data:dataLossAccepted': 'orders' is not a table of this stack\. Use one of events, sessions, users/],
    ["a property that is not a data-loss property", { users: ["pitr"] }, /'pitr' \(table 'users'\) is not a property whose change loses data\. Use any of table, globalSecondaryIndexes/],
    ["a single string instead of a list", { users: "pointInTimeRecovery" }, /the entry for 'users' is not a list of property names/],
  ])("%s is a named configuration error", (_case, value, message) => {
    expect(() => readDataLossAccepted(source(value), TABLES)).toThrow(message);
  });
});
