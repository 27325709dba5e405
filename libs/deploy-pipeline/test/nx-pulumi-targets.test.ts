import * as fs from "node:fs";
import * as path from "node:path";
import { PULUMI_TARGETS, STACK_PROJECTS } from "@dynamodb-platform/deploy-identities";
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

jest.setTimeout(60_000);

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

  test("a failed JSON preview runs again without --json, to print what --json leaves out, and stops the deploy", () => {
    const { calls, ok, output } = workspace.nx(["run", deployOf(data), "--stack=prod"], { previewFails: true });
    expect(ok).toBe(false);
    expect(calls).toEqual([guardPreview("prod"), `data preview --stack prod ${policy("prod")}`]);
    expect(output).toContain("policy violation: (stand-in)");
  });

  test("monitoring alone, without touching data (roll back or redeploy; what CI runs after data)", () => {
    // Nx's planned graph still lists data here; only a run shows what is skipped.
    const { calls, ok } = workspace.nx(["run", deployOf(monitoring), "--stack=prod", "--exclude-task-dependencies"]);
    expect({ ok, calls }).toEqual({ ok: true, calls: [up("monitoring", "prod")] });
  });

  test("preview, refresh and destroy run in each stack's folder, on dev unless told otherwise", () => {
    const { calls, ok } = workspace.nx(["run-many", "-t", "preview", "refresh", "destroy", "--parallel=1"]);
    expect(ok).toBe(true);
    expect(calls.sort()).toEqual(
      ["access", "data", "monitoring"]
        .flatMap((folder) => [`${folder} destroy --stack dev`, `${folder} preview --stack dev --diff ${policy("dev")}`, `${folder} refresh --yes --stack dev`])
        .sort(),
    );
  });
});

describe("what `nx affected -t deploy` plans for a change", () => {
  const plannedDeploys = (file: string) => workspace.plan(["affected", "-t", "deploy", "--stack=prod", `--files=${file}`]);

  test("a change in the data stack deploys data, then monitoring and access", () => {
    const { tasks, waitsFor } = plannedDeploys("stacks/data/src/tables/table-args.ts");
    expect(tasks).toEqual([deployOf(access), deployOf(data), deployOf(monitoring)]);
    expect(waitsFor).toEqual({ [deployOf(data)]: [], [deployOf(monitoring)]: [deployOf(data)], [deployOf(access)]: [deployOf(data)] });
  });

  test("a change in a shared lib deploys every stack", () => {
    expect(plannedDeploys("libs/tags/src/taggable.ts").tasks).toEqual([deployOf(access), deployOf(data), deployOf(monitoring)]);
  });

  test("a monitoring-only change deploys data (a no-op when unchanged) and then monitoring, not access", () => {
    const { tasks, waitsFor } = plannedDeploys("stacks/monitoring/src/alarms/user-errors.ts");
    expect(tasks).toEqual([deployOf(data), deployOf(monitoring)]);
    expect(waitsFor[deployOf(monitoring)]).toEqual([deployOf(data)]);
  });

  test("bootstrap has no Pulumi target: CI never previews or deploys it, it is run by hand once per account", () => {
    const { tasks, targetsOf } = workspace.plan(["affected", "-t", "preview", "deploy", "refresh", "destroy", "--files=stacks/bootstrap/src/program.ts"]);
    expect(tasks).toEqual([]);
    expect(targetsOf["@dynamodb-platform/bootstrap"].filter((target) => (PULUMI_TARGETS as readonly string[]).includes(target))).toEqual([]);
    expect(targetsOf[data.nxProject]).toEqual(expect.arrayContaining([...PULUMI_TARGETS]));
  });
});
