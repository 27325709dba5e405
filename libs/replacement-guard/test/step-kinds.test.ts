import type { OpType } from "@pulumi/pulumi/automation";
import { DESTROYS_TABLE, checkPreview } from "../src";
import { check, prodContext, refusals } from "./check-fixture";

/** The engine's step kinds that tear a table down or drop it from management, and those that keep it. */
const DESTRUCTIVE: OpType[] = [
  "delete",
  "replace",
  "create-replacement",
  "delete-replaced",
  "read-replacement",
  "import-replacement",
  "discard",
  "discard-replaced",
  "remove-pending-replace",
];
const KEEPING: OpType[] = ["same", "create", "update", "read", "refresh", "import"];

describe("every destructive step kind of the engine (OpType) is refused on a table", () => {
  test("the guard classifies every OpType, and no other", () => {
    expect(Object.keys(DESTROYS_TABLE).sort()).toEqual([...DESTRUCTIVE, ...KEEPING].sort());
  });

  test("a step kind the guard does not know (a newer engine's) is refused on a table, never passed", () => {
    const urn = "urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-users-prod";
    const result = checkPreview({ steps: [{ op: "forget" as OpType, urn }] }, prodContext());
    expect(refusals(result)).toEqual([["users", "table", "table 'table-users-prod' would be REPLACED (step 'forget', no forcing property reported)"]]);
  });

  test.each(DESTRUCTIVE)("'%s' (fixture step-%s.json) is refused as a loss of the table", (op) => {
    const result = check(`step-${op}`);
    expect(result.refused).toHaveLength(1);
    expect(result.refused[0]).toMatchObject({ table: "users", property: "table" });
    expect(result.refused[0].change).toMatch(/^table 'table-users-prod' would be (REPLACED|DELETED|DISCARDED)/);
  });

  test("a replacement names the properties that force it", () => {
    expect(refusals(check("step-replace"))).toEqual([["users", "table", "table 'table-users-prod' would be REPLACED (step 'replace', forced by hashKey)"]]);
    expect(refusals(check("rename-detailed-diff-only"))[0][2]).toMatch(/forced by name/);
  });

  test("a replacement reported only by replaceReasons (no detailed diff) still names them", () => {
    // replaceReasons: "keys that are causing replacement" (pulumi pkg/display/json.go, PreviewStep).
    const urn = "urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-users-prod";
    const result = checkPreview({ steps: [{ op: "replace", urn, replaceReasons: ["rangeKey"], detailedDiff: null }] }, prodContext());
    expect(refusals(result)).toEqual([["users", "table", "table 'table-users-prod' would be REPLACED (step 'replace', forced by rangeKey)"]]);
  });

  test("a key schema change is refused at each of its three steps", () => {
    expect(check("key-schema-change").refused.map((finding) => finding.change)).toEqual([
      "table 'table-sessions-prod' would be REPLACED (step 'create-replacement', forced by hashKey)",
      "table 'table-sessions-prod' would be REPLACED (step 'replace', forced by hashKey)",
      "table 'table-sessions-prod' would be REPLACED (step 'delete-replaced', no forcing property reported)",
    ]);
  });

  test("imports with in-place updates, unchanged tables and other resources' replacements pass", () => {
    for (const name of ["adoption-import-and-update", "in-place-updates", "no-changes"]) {
      expect({ name, refused: check(name).refused, conflicts: check(name).conflicts }).toEqual({ name, refused: [], conflicts: [] });
    }
  });
});
