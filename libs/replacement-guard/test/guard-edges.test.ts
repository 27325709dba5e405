import { checkPreview, formatResult, type PreviewStep } from "../src";
import { check, prodContext, refusals } from "./check-fixture";

const USERS_TABLE = "urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-users-prod";
const TABLE_TYPE = "aws:dynamodb/table:Table";
const judge = (step: Omit<PreviewStep, "urn">) => checkPreview({ steps: [{ urn: USERS_TABLE, ...step }] }, prodContext());
const refusalsOf = (step: Omit<PreviewStep, "urn">): string[][] => refusals(judge(step));

/**
 * The shape the CLI prints for an imported resource the program differs from (3.174 and later):
 * an `import` step with no diff, then an `update` step for the same URN whose `oldState` is the
 * imported state (pulumi/pulumi pkg/resource/deploy/step_generator.go continueStepsFromImport,
 * pkg/backend/display/json.go; engine test data of TestImportOption).
 */
describe("an import followed by its update, as the CLI prints it", () => {
  test("the update's old state decides: the legacy index is refused, the billing switch and owned → managed key pass", () => {
    expect(refusals(check("import-then-update-pair"))).toEqual([["sessions", "globalSecondaryIndexes", "index 'email-index' would be deleted"]]);
    expect(check("import-then-update-pair", { sessions: ["globalSecondaryIndexes"] }).refused).toEqual([]);
    expect(check("import-then-update-pair").tagRemovals.map((r) => r.tags)).toEqual([["owner"]]);
  });
});

describe("encryption", () => {
  const sse = (before: unknown, after: unknown): Omit<PreviewStep, "urn"> => ({
    op: "update",
    oldState: { type: TABLE_TYPE, outputs: before === undefined ? {} : { serverSideEncryption: before } },
    newState: { type: TABLE_TYPE, inputs: { serverSideEncryption: after } },
    detailedDiff: { "serverSideEncryption.enabled": { kind: "update", inputDiff: true } },
  });

  test.each([
    ["no block", undefined],
    ["enabled false", { enabled: false, kmsKeyArn: "" }],
  ])("from the AWS owned key (%s) to the AWS managed key passes without acknowledgement", (_case, before) => {
    expect(refusalsOf(sse(before, { enabled: true }))).toEqual([]);
  });

  test("from the AWS managed key back to the AWS owned key is refused", () => {
    expect(refusalsOf(sse({ enabled: true, kmsKeyArn: "" }, { enabled: false }))).toEqual([
      ["users", "serverSideEncryption", "the encryption key would change to the AWS owned key (serverSideEncryption.enabled)"],
    ]);
  });

  test("from the owned key to a named key is refused", () => {
    expect(refusalsOf(sse(undefined, { enabled: true, kmsKeyArn: "arn:aws:kms:ap-southeast-2:123456789012:key/1" }))).toHaveLength(1);
  });

  test("without the old state (an import with a diff) it cannot be proven and is refused", () => {
    expect(refusalsOf({ op: "import", newState: { type: TABLE_TYPE, inputs: { serverSideEncryption: { enabled: true } } }, detailedDiff: { "serverSideEncryption.enabled": { kind: "update" } } })).toHaveLength(1);
  });
});

describe("point-in-time recovery", () => {
  test.each([7, 34])("an import that sets a %i-day window is refused (the current one is not shown)", (days) => {
    expect(
      refusalsOf({
        op: "import",
        newState: { type: TABLE_TYPE, inputs: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: days } } },
        detailedDiff: { "pointInTimeRecovery.recoveryPeriodInDays": { kind: "update", inputDiff: true } },
      }),
    ).toEqual([["users", "pointInTimeRecovery", `the recovery window would change to ${days} days (the preview does not show the current one)`]]);
  });

  test.each<[number, number, number]>([
    [35, 34, 1],
    [7, 35, 0],
  ])("an update from %i to %i days: %i refusal(s)", (from, to, count) => {
    const step: Omit<PreviewStep, "urn"> = {
      op: "update",
      oldState: { type: TABLE_TYPE, outputs: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: from } } },
      newState: { type: TABLE_TYPE, inputs: { pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: to } } },
      detailedDiff: { "pointInTimeRecovery.recoveryPeriodInDays": { kind: "update", inputDiff: true } },
    };
    expect(refusalsOf(step)).toHaveLength(count);
  });
});

describe("one UpdateTable call DynamoDB rejects", () => {
  test("billing with streamEnabled alone is refused, whatever is accepted", () => {
    const step: Omit<PreviewStep, "urn"> = {
      op: "update",
      oldState: { type: TABLE_TYPE, outputs: { billingMode: "PROVISIONED", streamEnabled: false } },
      newState: { type: TABLE_TYPE, inputs: { billingMode: "PAY_PER_REQUEST", streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" } },
      detailedDiff: { billingMode: { kind: "update" }, streamEnabled: { kind: "update" } },
    };
    const result = checkPreview({ steps: [{ urn: USERS_TABLE, ...step }] }, prodContext({ users: ["streamEnabled", "streamViewType"] }));
    expect(result.conflicts.map((c) => c.properties)).toEqual([["billingMode", "streamEnabled"]]);
  });
});

describe("an index key attribute changing type", () => {
  const step: Omit<PreviewStep, "urn"> = {
    op: "update",
    oldState: { type: TABLE_TYPE, outputs: { attributes: [{ name: "userId", type: "S" }, { name: "timestamp", type: "S" }] } },
    newState: { type: TABLE_TYPE, inputs: { attributes: [{ name: "userId", type: "S" }, { name: "timestamp", type: "N" }] } },
    detailedDiff: { "attributes[1].type": { kind: "update", inputDiff: true } },
  };

  test("is refused, and no acknowledgement lets it through", () => {
    const result = checkPreview({ steps: [{ urn: USERS_TABLE, ...step }] }, prodContext({ users: ["globalSecondaryIndexes", "table"] }));
    expect(result.keyTypeChanges.map((c) => [c.table, c.attribute, c.from, c.to])).toEqual([["users", "timestamp", "S", "N"]]);
  });

  test("the guard exits 1 and says how to converge it", () => {
    const result = checkPreview({ steps: [{ urn: USERS_TABLE, ...step }] }, prodContext());
    const { exitCode, stderr } = formatResult(result, prodContext());
    expect(exitCode).toBe(1);
    expect(stderr).toEqual([
      "replacement-guard: refusing to deploy, an index key would change type, which no update applies (not acknowledgeable):",
      `  - users: attribute 'timestamp' S -> N; rebuild the index with that type (remove it from the spec, deploy, add it back) or make the spec match the live type (${USERS_TABLE})`,
    ]);
  });

  test("on an import without old state, from the diff's path", () => {
    expect(judge({ ...step, oldState: undefined, op: "import" }).keyTypeChanges.map((c) => [c.attribute, c.from, c.to])).toEqual([["timestamp", undefined, "N"]]);
  });
});
