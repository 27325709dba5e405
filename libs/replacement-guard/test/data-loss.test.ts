import { checkPreview, type PreviewStep } from "../src";
import { check, prodContext, refusals } from "./check-fixture";

const USERS_TABLE = "urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-users-prod";

/** The guard's refusals for one table step of the prod data stack. */
const refusalsOf = (step: Omit<PreviewStep, "urn">): string[][] => refusals(checkPreview({ steps: [{ urn: USERS_TABLE, ...step }] }, prodContext()));

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

describe("what the preview does not show is refused unless it cannot lose data", () => {
  test("an import that sets a PITR window below 35 days is refused: the current window is not in the preview", () => {
    const pitr = (days: number): Omit<PreviewStep, "urn"> => ({
      op: "import",
      newState: { type: "aws:dynamodb/table:Table", inputs: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: days } } },
      detailedDiff: { "pointInTimeRecovery.recoveryPeriodInDays": { kind: "update", inputDiff: true } },
    });
    expect(refusalsOf(pitr(7))).toEqual([
      ["users", "pointInTimeRecovery", "the recovery window would change to 7 days (the preview does not show the current one)"],
    ]);
    expect(refusalsOf(pitr(35))).toEqual([]);
  });

  test("time to live moved to another attribute is refused", () => {
    expect(
      refusalsOf({
        op: "update",
        oldState: { type: "aws:dynamodb/table:Table", outputs: { ttl: { attributeName: "expiresAt", enabled: true } } },
        newState: { type: "aws:dynamodb/table:Table", inputs: { ttl: { attributeName: "deleteAt", enabled: true } } },
        detailedDiff: { "ttl.attributeName": { kind: "update", inputDiff: true } },
      }),
    ).toEqual([["users", "ttl", "time to live would move to attribute 'deleteAt'"]]);
  });

  test("an import that drops an index's provisioned capacity (the billing switch) deletes no index", () => {
    const index = { name: "email-index", keySchemas: [{ attributeName: "email", keyType: "HASH" }], projectionType: "ALL" };
    expect(
      refusalsOf({
        op: "import",
        newState: { type: "aws:dynamodb/table:Table", inputs: { billingMode: "PAY_PER_REQUEST", globalSecondaryIndexes: [index] } },
        detailedDiff: {
          billingMode: { kind: "update", inputDiff: true },
          "globalSecondaryIndexes[0].readCapacity": { kind: "delete", inputDiff: true },
          "globalSecondaryIndexes[0].writeCapacity": { kind: "delete", inputDiff: true },
        },
      }),
    ).toEqual([]);
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
