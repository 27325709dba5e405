import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli";
import { fixture } from "./check-fixture";

const root = path.join(__dirname, "..", "..", "..");

/** Runs the guard in-process, as `npm run guard -- ...` would, capturing what it prints. */
function guard(...args: string[]): { status: number; stdout: string; stderr: string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = jest.spyOn(console, "log").mockImplementation((line: string) => void stdout.push(line));
  const error = jest.spyOn(console, "error").mockImplementation((line: string) => void stderr.push(line));
  try {
    const status = main(args);
    return { status, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The stack folders this file makes (test.each makes some while collecting), removed once its tests are done. */
const stackDirs: string[] = [];
afterAll(() => {
  for (const dir of stackDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data stack folder whose Pulumi.prod.yaml accepts what it is given. */
function stackDirAccepting(accepted: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "guard-stack-"));
  stackDirs.push(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: dynamodb-data\nruntime: nodejs\n");
  fs.writeFileSync(
    path.join(dir, "Pulumi.prod.yaml"),
    `config:\n  dynamodb-data:environmentSuffix: prod\n  dynamodb-data:dataLossAccepted:\n${accepted}`,
  );
  return dir;
}

describe("npm run guard -- --stack <stack> <preview.json>", () => {
  test("exit 0 on a safe adoption preview, reading the real prod stack file", () => {
    expect(guard("--stack", "prod", fixture("adoption-import-and-update"))).toEqual({
      status: 0,
      stdout: "replacement-guard: no DynamoDB table loses data without acknowledgement (6 steps checked)",
      stderr: "",
    });
  });

  test("exit 1 naming the table, the property, what is lost and the exact config that accepts it", () => {
    const result = guard("--stack", "prod", fixture("gsi-deleted"));
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "replacement-guard: refusing to deploy, these changes lose data and stack 'prod' does not accept them:",
      "  - sessions / globalSecondaryIndexes: index 'email-index' would be deleted " +
        "(urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-sessions-prod)",
      "      loses: deleting a global secondary index drops it; queries on it fail until it is rebuilt",
      "To accept exactly these, set in " + path.relative(process.cwd(), path.join(root, "stacks", "data", "Pulumi.prod.yaml")) + ":",
      "  dynamodb-data:dataLossAccepted:",
      "    sessions: [globalSecondaryIndexes]",
    ]);
  });

  test("the printed lines, once in the stack file, make the same preview pass", () => {
    const dir = stackDirAccepting("    sessions: [globalSecondaryIndexes]\n");
    const result = guard("--stack", "prod", "--stack-dir", dir, fixture("gsi-deleted"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/accepted by dataLossAccepted: sessions \/ globalSecondaryIndexes: index 'email-index' would be deleted/);
  });

  test("the accepting line keeps what the table already accepts", () => {
    const dir = stackDirAccepting("    users: [ttl]\n");
    expect(guard("--stack", "prod", "--stack-dir", dir, fixture("pitr-shortened")).stderr).toMatch(/\n {4}users: \[pointInTimeRecovery, ttl\]$/);
  });

  test("a billing and stream change in one update is refused with the adoption order to follow", () => {
    const result = guard("--stack", "prod", fixture("billing-and-stream"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/events: billingMode, readCapacity, writeCapacity, streamEnabled, streamViewType change in one update.*adoptionStep: billing, streams, indexes, complete/);
  });

  test("tag removals are printed and the deploy goes on", () => {
    const result = guard("--stack", "prod", fixture("tags-removed"));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/table 'users' would lose the tags Backup \(listed, not refused\)/);
  });

  test.each<[string, string[], RegExp]>([
    ["no --stack", [fixture("no-changes")], /--stack is required/],
    ["no preview file", ["--stack", "prod"], /give exactly one preview file/],
    ["an unknown option", ["--stack", "prod", "--force", fixture("no-changes")], /Unknown option '--force'/],
    ["a stack without a stack file", ["--stack", "qa", fixture("no-changes")], /Pulumi\.qa\.yaml does not exist/],
    ["a file that is not a preview", ["--stack", "prod", path.join(__dirname, "cli.test.ts")], /Not a 'pulumi preview --json' document/],
    ["JSON that is not a preview (no steps)", ["--stack", "prod", path.join(__dirname, "..", "package.json")], /Not a 'pulumi preview --json' document: it has neither 'steps' nor 'changeSummary'/],
    ["a missing file", ["--stack", "prod", "missing.json"], /ENOENT/],
    ["a bad acknowledgement in the stack file", ["--stack", "prod", "--stack-dir", stackDirAccepting("    users: [everything]\n"), fixture("no-changes")], /'dynamodb-data:dataLossAccepted': 'everything' \(table 'users'\)/],
  ])("exit 2 on %s", (_case, args, message) => {
    const result = guard(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test("the root script runs the same command (one real process)", () => {
    const run = (file: string) => {
      try {
        execFileSync(process.execPath, ["--require", "@swc-node/register", "libs/replacement-guard/src/cli.ts", "--stack", "prod", file], { cwd: root, stdio: "pipe" });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect([run(fixture("no-changes")), run(fixture("step-import-replacement"))]).toEqual([0, 1]);
  });
});

describe("bad input: one clear line and exit 2", () => {
  test("two preview files (the second would otherwise be ignored)", () => {
    expect(guard("--stack", "prod", fixture("no-changes"), fixture("gsi-deleted"))).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "replacement-guard: give exactly one preview file\nusage: npm run guard -- --stack <stack> <file written by 'pulumi preview --json'>",
    });
  });
});
