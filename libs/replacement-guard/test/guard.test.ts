import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { findTableReplacements, parsePreviewDocument, describeReplacement } from "../src";

const fixture = (name: string) => path.join(__dirname, "fixtures", `${name}.json`);
const replacementsIn = (name: string) => findTableReplacements(parsePreviewDocument(fs.readFileSync(fixture(name), "utf8")));

describe("findTableReplacements on preview documents of the engine's shape", () => {
  test("adoption: import steps followed by in-place updates pass", () => {
    expect(replacementsIn("adoption-import-and-update")).toEqual([]);
  });

  test("in-place updates and unchanged tables pass; replacing an alarm is not the guard's business", () => {
    expect(replacementsIn("in-place-updates")).toEqual([]);
  });

  test("a key schema change is refused for each replacement step, naming the table and hashKey", () => {
    const found = replacementsIn("key-schema-change");
    expect(found.map((r) => [r.name, r.op, r.properties])).toEqual([
      ["table-sessions-prod", "create-replacement", ["hashKey"]],
      ["table-sessions-prod", "replace", ["hashKey"]],
      ["table-sessions-prod", "delete-replaced", []],
    ]);
    expect(describeReplacement(found[1])).toBe(
      "table 'table-sessions-prod' would be REPLACED (step 'replace', forced by hashKey) " +
        "(urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-sessions-prod)",
    );
  });

  test("a forcing property reported only in detailedDiff is named", () => {
    expect(replacementsIn("rename-detailed-diff-only").map((r) => r.properties)).toEqual([["name"]]);
  });

  test("deleting a table is refused", () => {
    const found = replacementsIn("table-deleted");
    expect(found.map((r) => [r.name, r.op])).toEqual([["table-users-prod", "delete"]]);
    expect(describeReplacement(found[0])).toMatch(/^table 'table-users-prod' would be DELETED/);
  });

  test("a preview with no steps passes", () => {
    expect(replacementsIn("no-changes")).toEqual([]);
  });

  test("a document that is not a preview is an error, never a pass", () => {
    expect(() => parsePreviewDocument("")).toThrow(/not JSON/);
    expect(() => parsePreviewDocument("[]")).toThrow(/not a JSON object/);
    expect(() => parsePreviewDocument('{"error": "x"}')).toThrow(/neither 'steps' nor 'changeSummary'/);
    expect(() => parsePreviewDocument('{"steps": [{"urn": "u"}]}')).toThrow(/a step has no 'op' or 'urn'/);
  });
});

describe("the guard command", () => {
  const cli = path.join(__dirname, "..", "src", "cli.ts");
  function runGuard(...args: string[]): { status: number; output: string } {
    try {
      const output = execFileSync(process.execPath, ["--require", "@swc-node/register", cli, ...args], {
        encoding: "utf8",
        stdio: "pipe",
      });
      return { status: 0, output };
    } catch (error) {
      const failed = error as { status: number; stderr: string; stdout: string };
      return { status: failed.status, output: failed.stdout + failed.stderr };
    }
  }

  test("exits 0 when no table is replaced", () => {
    expect(runGuard(fixture("adoption-import-and-update"))).toEqual({
      status: 0,
      output: "replacement-guard: no DynamoDB table is replaced or deleted (6 steps checked)\n",
    });
  });

  test("exits 1 and names the table and properties when one is", () => {
    const result = runGuard(fixture("key-schema-change"));
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/refusing to deploy/);
    expect(result.output).toMatch(/table 'table-sessions-prod' would be REPLACED \(step 'replace', forced by hashKey\)/);
  });

  test("exits 2 on a missing argument or unreadable document", () => {
    expect(runGuard().status).toBe(2);
    expect(runGuard(path.join(__dirname, "guard.test.ts")).status).toBe(2);
  });
});
