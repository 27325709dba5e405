import { check, refusals } from "./check-fixture";

describe("changes that keep the table but lose data or break its readers", () => {
  test.each<[string, string[][]]>([
    ["gsi-deleted", [["sessions", "globalSecondaryIndexes", "index 'email-index' would be deleted"]]],
    ["gsi-deleted-on-import", [["sessions", "globalSecondaryIndexes", "an index would be deleted or re-created (globalSecondaryIndexes[1]: delete)"]]],
    ["stream-disabled", [["sessions", "streamEnabled", "the stream would be disabled"]]],
    ["stream-view-type-changed", [["events", "streamViewType", "the stream's view type would change from KEYS_ONLY to NEW_AND_OLD_IMAGES"]]],
    ["stream-view-type-changed-on-import", [["events", "streamViewType", "the stream's view type would change to NEW_AND_OLD_IMAGES"]]],
    ["pitr-disabled", [["events", "pointInTimeRecovery", "point-in-time recovery would be switched off"]]],
    ["pitr-shortened", [["users", "pointInTimeRecovery", "the recovery window would shrink from 35 to 7 days"]]],
    ["ttl-removed", [["sessions", "ttl", "time to live would be removed"]]],
    ["encryption-key-changed", [["users", "serverSideEncryption", "the encryption key would change to the AWS managed key (serverSideEncryption.kmsKeyArn)"]]],
  ])("%s is refused, naming table, property and what happens", (name, expected) => {
    expect(refusals(check(name))).toEqual(expected);
  });

  test.each(["stream-enabled", "pitr-enabled-on-import", "gsi-added-with-billing-switch"])("%s adds protection or an index and passes", (name) => {
    expect(check(name).refused).toEqual([]);
  });

  test("tag removals are listed, not refused", () => {
    const result = check("tags-removed");
    expect(result.refused).toEqual([]);
    expect(result.tagRemovals.map((removal) => [removal.table, removal.tags])).toEqual([["users", ["Backup"]]]);
  });

  test("a billing change and a stream change in one table update are refused, whatever is accepted", () => {
    const result = check("billing-and-stream", { events: ["streamEnabled", "streamViewType"] });
    expect(result.conflicts.map((conflict) => [conflict.table, conflict.properties])).toEqual([
      ["events", ["billingMode", "readCapacity", "writeCapacity", "streamEnabled", "streamViewType"]],
    ]);
  });
});

describe("acknowledgements in the stack's config accept exactly the named change on the named table", () => {
  test("the accepted property on that table passes, and is reported as accepted", () => {
    const result = check("gsi-deleted", { sessions: ["globalSecondaryIndexes"] });
    expect(result.refused).toEqual([]);
    expect(result.accepted.map((finding) => [finding.table, finding.property])).toEqual([["sessions", "globalSecondaryIndexes"]]);
  });

  test("the same property accepted on another table does not", () => {
    expect(refusals(check("gsi-deleted", { users: ["globalSecondaryIndexes"] }))).toHaveLength(1);
  });

  test("another property accepted on that table does not", () => {
    expect(refusals(check("pitr-shortened", { users: ["ttl", "streamEnabled"] }))).toHaveLength(1);
  });

  test("replacing a table needs 'table' accepted for it", () => {
    expect(check("step-replace", { users: ["table"] }).refused).toEqual([]);
  });
});
