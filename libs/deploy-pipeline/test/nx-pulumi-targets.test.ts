import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * Runs the real Nx targets with a recording stand-in for the `pulumi` CLI on PATH: it logs the
 * folder and arguments of every call, and answers `preview --json` with the document it is given.
 */
const root = path.join(__dirname, "..", "..", "..");
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-targets-"));
const callLog = path.join(sandbox, "calls.log");
const previewAnswer = path.join(sandbox, "preview.json");
fs.writeFileSync(
  path.join(sandbox, "pulumi"),
  `#!/bin/sh\necho "$(basename "$PWD") $*" >> "${callLog}"\ncase " $* " in *" --json "*) cat "${previewAnswer}";; esac\n`,
  { mode: 0o755 },
);
const noChanges = JSON.stringify({ steps: [], changeSummary: { same: 4 } });
const replacesUsers = JSON.stringify({
  steps: [
    {
      op: "replace",
      urn: "urn:pulumi:prod::dynamodb-data::dynamodb-platform:data:DynamoTables$aws:dynamodb/table:Table::table-users-prod",
      replaceReasons: ["hashKey"],
      detailedDiff: { hashKey: { kind: "update-replace", inputDiff: true } },
    },
  ],
});

const policy = (stack: string) => `--policy-pack ../../libs/policies/pack --policy-pack-config dist/policy-config.${stack}.json`;
const up = (folder: string, stack: string) => `${folder} up --yes --stack ${stack} ${policy(stack)}`;
const guardPreview = (stack: string) => `data preview --json --stack ${stack} ${policy(stack)}`;

function nx(args: string[], preview = noChanges): { calls: string[]; ok: boolean; output: string } {
  fs.writeFileSync(callLog, "");
  fs.writeFileSync(previewAnswer, preview);
  // Variables of an outer Nx run (npm test) would otherwise leak into this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("NX_")));
  let ok = true;
  let output: string;
  try {
    output = execFileSync(process.execPath, [require.resolve("nx/bin/nx.js"), ...args, "--skip-nx-cache", "--outputStyle=static"], {
      cwd: root,
      env: { ...env, PATH: `${sandbox}${path.delimiter}${env["PATH"] ?? ""}`, NX_DAEMON: "false", NX_NO_CLOUD: "true" },
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (error) {
    ok = false;
    output = String((error as { stdout: string }).stdout) + String((error as { stderr: string }).stderr);
  }
  const calls = fs.readFileSync(callLog, "utf8").split("\n").filter(Boolean);
  return { calls, ok, output };
}

jest.setTimeout(120_000);

describe("the stacks' Pulumi targets, run by Nx", () => {
  test("deploying everything: data (guarded) first, then monitoring and access, on the chosen stack", () => {
    const { calls, ok } = nx(["run-many", "-t", "deploy", "--stack=prod", "--parallel=1"]);
    expect(ok).toBe(true);
    expect(calls.slice(0, 2)).toEqual([guardPreview("prod"), up("data", "prod")]);
    expect(calls.slice(2).sort()).toEqual([up("access", "prod"), up("monitoring", "prod")]);
  });

  test("the guard stops a deploy that would replace a table, before any pulumi up", () => {
    const { calls, ok, output } = nx(["run-many", "-t", "deploy", "--stack=prod", "--parallel=1"], replacesUsers);
    expect(ok).toBe(false);
    expect(calls).toEqual([guardPreview("prod")]);
    expect(output).toMatch(/table 'table-users-prod' would be REPLACED \(step 'replace', forced by hashKey\)/);
  });

  test("a change in the data stack makes monitoring and access affected", () => {
    const { calls } = nx(["affected", "-t", "deploy", "--stack=prod", "--parallel=1", "--files=libs/table-specs/src/production-tables.ts"]);
    expect(calls.map((call) => call.split(" ")[0]).sort()).toEqual(["access", "data", "data", "monitoring"]);
  });

  test("a change in a shared lib makes every stack affected", () => {
    const { calls } = nx(["affected", "-t", "deploy", "--stack=prod", "--parallel=1", "--files=libs/tags/src/taggable.ts"]);
    expect(new Set(calls.map((call) => call.split(" ")[0]))).toEqual(new Set(["data", "monitoring", "access"]));
  });

  test("a monitoring-only change deploys data (a no-op when unchanged) and then monitoring, not access", () => {
    const { calls } = nx(["affected", "-t", "deploy", "--stack=prod", "--parallel=1", "--files=stacks/monitoring/src/alarms/user-errors.ts"]);
    expect(calls).toEqual([guardPreview("prod"), up("data", "prod"), up("monitoring", "prod")]);
  });

  test("monitoring alone, without touching data (roll back or redeploy)", () => {
    const { calls } = nx(["run", "@dynamodb-platform/monitoring:deploy", "--stack=prod", "--exclude-task-dependencies"]);
    expect(calls).toEqual([up("monitoring", "prod")]);
  });

  test("preview and deploy hand the policy pack the config derived from the stack's files", () => {
    nx(["run", "@dynamodb-platform/access:preview", "--stack=prod"]);
    const written = JSON.parse(fs.readFileSync(path.join(root, "stacks", "access", "dist", "policy-config.prod.json"), "utf8")) as unknown;
    expect(written).toEqual({
      "names-carry-environment-suffix": { environmentSuffix: "prod", adoptedTableNames: ["events", "sessions", "users"] },
    });
  });

  test("bootstrap has no Pulumi target: CI never previews or deploys it, it is run by hand once per account", () => {
    const { calls } = nx(["affected", "-t", "preview", "deploy", "--stack=prod", "--parallel=1", "--files=stacks/bootstrap/src/program.ts"]);
    expect(calls).toEqual([]);
  });

  test("preview, refresh and destroy run in the stack's folder, on dev unless told otherwise", () => {
    expect(nx(["run", "@dynamodb-platform/access:preview"]).calls).toEqual([`access preview --stack dev --diff ${policy("dev")}`]);
    expect(nx(["run", "@dynamodb-platform/data:refresh", "--stack=prod"]).calls).toEqual(["data refresh --yes --stack prod"]);
    expect(nx(["run", "@dynamodb-platform/monitoring:destroy", "--stack=dev"]).calls).toEqual(["monitoring destroy --stack dev"]);
  });
});
