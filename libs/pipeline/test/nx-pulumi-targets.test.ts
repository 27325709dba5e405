import * as fs from "node:fs";
import * as path from "node:path";
import { PULUMI_TARGETS, STACK_PROJECTS } from "@dynamodb-platform/platform";
import { scratchWorkspace, type ScratchWorkspace } from "./scratch-workspace";

/**
 * The stacks' Pulumi targets as Nx runs them: a few real runs against a recording stand-in for
 * the `pulumi` CLI (what is called, where, in which order, and what stops a deploy), and what
 * Nx plans for representative changes, read from its task graph without running anything.
 */
const { data, monitoring, access } = STACK_PROJECTS;
const deployOf = (project: { nxProject: string }) => `${project.nxProject}:deploy`;

const policy = (stack: string) => `--policy-pack ../../libs/policies/pack --policy-pack-config dist/policy-config.${stack}.json`;
const up = (folder: string, stack: string) => `${folder} up --yes --stack ${stack} ${policy(stack)}`;
const guardPreview = (stack: string) => `data preview --json --stack ${stack} ${policy(stack)}`;

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

let workspace: ScratchWorkspace;
beforeAll(() => {
  workspace = scratchWorkspace();
});
afterAll(() => workspace.remove());

describe("the stacks' Pulumi targets, run by Nx", () => {
  test("deploying everything: data (guarded) first, then monitoring and access, on the chosen stack, each with its policy config", () => {
    const { calls, ok, output } = workspace.nx(["run-many", "-t", "deploy", "--stack=prod", "--parallel=1"]);
    expect({ ok, output }).toEqual({ ok: true, output: expect.any(String) as unknown });
    expect(calls.slice(0, 2)).toEqual([guardPreview("prod"), up("data", "prod")]);
    expect(calls.slice(2).sort()).toEqual([up("access", "prod"), up("monitoring", "prod")]);
    const written = JSON.parse(fs.readFileSync(path.join(workspace.root, "stacks", "access", "dist", "policy-config.prod.json"), "utf8")) as unknown;
    expect(written).toEqual({
      "names-carry-environment-suffix": { environmentSuffix: "prod", adoptedTableNames: ["events", "sessions", "users"] },
    });
  });

  test("the guard stops a deploy that would replace a table, before any pulumi up", () => {
    const { calls, ok, output } = workspace.nx(["run", deployOf(data), "--stack=prod"], { previewDocument: replacesUsers });
    expect(ok).toBe(false);
    expect(calls).toEqual([guardPreview("prod")]);
    expect(output).toMatch(/table 'table-users-prod' would be REPLACED \(step 'replace', forced by hashKey\)/);
  });

  test("a failed JSON preview runs again without --json, to print what --json leaves out, and stops the deploy (on dev unless told otherwise)", () => {
    const { calls, ok, output } = workspace.nx(["run", deployOf(data)], { previewFails: true });
    expect(ok).toBe(false);
    expect(calls).toEqual([guardPreview("dev"), `data preview --stack dev ${policy("dev")}`]);
    expect(output).toContain("policy violation: (stand-in)");
  });

  test("monitoring alone, without touching data (roll back or redeploy; what CI runs after data)", () => {
    // Nx's planned graph still lists data here; only a run shows what is skipped.
    const { calls, ok } = workspace.nx(["run", deployOf(monitoring), "--stack=prod", "--exclude-task-dependencies"]);
    expect({ ok, calls }).toEqual({ ok: true, calls: [up("monitoring", "prod")] });
  });

  test("drift: a preview against the live resources (refresh, no state written) expecting no changes; a clean one passes", () => {
    const clean = JSON.stringify({ steps: [{ op: "same", urn: "urn:pulumi:prod::dynamodb-monitoring::pulumi:pulumi:Stack::dynamodb-monitoring-prod" }], changeSummary: { same: 9 } });
    const { calls, ok, output } = workspace.nx(["run", `${monitoring.nxProject}:drift`, "--stack=prod"], { previewDocument: clean });
    expect({ ok, calls }).toEqual({ ok: true, calls: ["monitoring preview --refresh --expect-no-changes --json --stack prod"] });
    expect(output).toContain("No drift: stack dynamodb-monitoring/prod matches the code.");
  });

  test("drift: a resource changed outside the code fails the target, naming the stack and the resource", () => {
    const alarm = "urn:pulumi:prod::dynamodb-monitoring::dynamodb-platform:monitoring:DynamoDbAlarms$aws:cloudwatch/metricAlarm:MetricAlarm::systemerrors-events-prod";
    const drifted = JSON.stringify({ steps: [{ op: "update", urn: alarm, detailedDiff: { threshold: { kind: "update" } } }], changeSummary: { update: 1, same: 8 } });
    const { ok, output } = workspace.nx(["run", `${monitoring.nxProject}:drift`, "--stack=prod"], { previewDocument: drifted });
    expect(ok).toBe(false);
    expect(output).toContain("Drift: stack dynamodb-monitoring/prod differs from the code in 1 resource");
    expect(output).toContain("systemerrors-events-prod (aws:cloudwatch/metricAlarm:MetricAlarm): update [threshold]");
  });

  test("preview, refresh and destroy run in each stack's folder, on the stack they are told", () => {
    const { calls, ok } = workspace.nx(["run-many", "-t", "preview", "refresh", "destroy", "--stack=prod", "--parallel=1"]);
    expect(ok).toBe(true);
    expect(calls.sort()).toEqual(
      ["access", "data", "monitoring"]
        .flatMap((folder) => [`${folder} destroy --stack prod`, `${folder} preview --stack prod --diff ${policy("prod")}`, `${folder} refresh --yes --stack prod`])
        .sort(),
    );
  });
});

describe("the deploy order Nx plans (which stacks deploy is affected-stacks' answer, not Nx's)", () => {
  test("deploying every stack: data first, then monitoring and access, each waiting for data", () => {
    const { tasks, waitsFor } = workspace.plan(["run-many", "-t", "deploy", "--stack=prod"]);
    expect(tasks).toEqual([deployOf(access), deployOf(data), deployOf(monitoring)]);
    // Nx 23 lists a task's prerequisites as ids, Nx 24 as { id } objects: scratch-workspace reads both.
    expect(waitsFor).toEqual({ [deployOf(data)]: [], [deployOf(monitoring)]: [deployOf(data)], [deployOf(access)]: [deployOf(data)] });
  });

  test("npm test's run-many -t test runs the jest of every project that has one (a project declares its test target in package.json)", () => {
    const withJest = ["libs", "stacks"].flatMap((folder) =>
      fs.readdirSync(path.join(workspace.root, folder)).filter((name) => fs.existsSync(path.join(workspace.root, folder, name, "jest.config.js"))).map((name) => path.join(folder, name)),
    );
    const packageName = (folder: string) => (JSON.parse(fs.readFileSync(path.join(workspace.root, folder, "package.json"), "utf8")) as { name: string }).name;
    const { tasks } = workspace.plan(["run-many", "-t", "test"]);
    expect(tasks).toEqual(withJest.map((folder) => `${packageName(folder)}:test`).sort());
    expect(tasks.length).toBeGreaterThanOrEqual(14);
  });

  test("bootstrap has no Pulumi target: CI never previews, deploys or drift-checks it, it is run by hand once per account", () => {
    const { tasks, targetsOf } = workspace.plan(["affected", "-t", ...PULUMI_TARGETS, "--files=stacks/bootstrap/src/program.ts"]);
    expect(tasks).toEqual([]);
    expect(targetsOf["@dynamodb-platform/bootstrap"].filter((target) => (PULUMI_TARGETS as readonly string[]).includes(target))).toEqual([]);
    expect(targetsOf[data.nxProject]).toEqual(expect.arrayContaining([...PULUMI_TARGETS]));
  });
});
