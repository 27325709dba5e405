import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../src";
import { scratchRepository, type ScratchRepository } from "./scratch-repository";

/**
 * Rolling monitoring back: a threshold change and its `git revert`, committed in a copy of this
 * repository. The revert deploys monitoring alone (what CI's `affected-stacks --base --head`
 * prints), and the offline plan of the reverted commit (the stack's real program under Pulumi's
 * mock runtime, the command `npm start -- --stack prod` runs) declares exactly the resources of the commit before
 * the change, while no other stack's plan moves at any step.
 */
const MONITORING_SETTINGS = "stacks/monitoring/Pulumi.prod.yaml";
const THRESHOLD = /^(\s*dynamodb-monitoring:systemErrorsThreshold:) 1$/m;

interface PlannedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
type Plan = Record<string, { resources: PlannedResource[]; outputs: unknown }>;

let repo: ScratchRepository;
let before: string;
let change: string;
let revert: string;
const plans: Record<string, Plan> = {};

/** The offline plan of every stack at this commit, by Pulumi project. */
function planAt(commit: string): Plan {
  repo.git("checkout", "-q", commit);
  const out = path.join(repo.root, "dist", "plan-under-test");
  const run = repo.script("start", ["--stack", "prod", "--out", out]);
  if (run.code !== 0) throw new Error(`npm start failed at ${commit}: ${run.stdout}${run.stderr}`);
  return Object.fromEntries(
    fs.readdirSync(out).map((file) => [path.basename(file, ".json"), JSON.parse(fs.readFileSync(path.join(out, file), "utf8")) as Plan[string]]),
  );
}

/** `<resource name>.<input>` for every input that differs between two plans of one stack. */
function changedInputs(from: Plan[string], to: Plan[string]): string[] {
  const byName = (plan: Plan[string]) => new Map(plan.resources.map((resource) => [`${resource.type} ${resource.name}`, resource]));
  const [a, b] = [byName(from), byName(to)];
  const changed: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(key), b.get(key)];
    if (!x || !y) {
      changed.push(`${key} ${x ? "removed" : "added"}`);
      continue;
    }
    for (const input of new Set([...Object.keys(x.inputs), ...Object.keys(y.inputs)])) {
      if (JSON.stringify(x.inputs[input]) !== JSON.stringify(y.inputs[input])) changed.push(`${y.name}.${input}`);
    }
  }
  return changed.sort();
}

jest.setTimeout(180_000);

beforeAll(() => {
  repo = scratchRepository();
  before = repo.git("rev-parse", "HEAD");
  const settings = fs.readFileSync(path.join(repo.root, MONITORING_SETTINGS), "utf8");
  if (!THRESHOLD.test(settings)) throw new Error(`${MONITORING_SETTINGS} no longer sets systemErrorsThreshold: 1; update this test's change`);
  change = repo.commit(MONITORING_SETTINGS, settings.replace(THRESHOLD, "$1 4"), "Raise the SystemErrors threshold");
  repo.git("revert", "--no-edit", change);
  revert = repo.git("rev-parse", "HEAD");
  for (const [label, commit] of [["before", before], ["change", change], ["revert", revert]]) plans[label] = planAt(commit);
});
afterAll(() => repo.remove());

/** affected-stacks' entry in-process on the copy (its command line is held by affected-stacks.test.ts): exit code and output lines. */
function affectedStacks(...args: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, repo.root, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe("a monitoring change and its revert", () => {
  test("the change deploys monitoring alone", () => {
    expect(affectedStacks("--base", before, "--head", change)).toEqual({ code: 0, out: ["monitoring"], err: [] });
  });

  test("the revert deploys monitoring alone", () => {
    expect(affectedStacks("--base", change, "--head", revert)).toEqual({ code: 0, out: ["monitoring"], err: [] });
  });

  test("the change moves only the SystemErrors alarms' threshold (and the description that states it); the revert plans exactly the earlier monitoring resources", () => {
    const monitoring = "dynamodb-monitoring";
    const alarms = plans["before"][monitoring].resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.name.startsWith("systemerrors-"));
    expect(alarms.map((alarm) => alarm.name).sort()).toEqual(["systemerrors-events-prod", "systemerrors-sessions-prod", "systemerrors-users-prod"]);
    expect(changedInputs(plans["before"][monitoring], plans["change"][monitoring])).toEqual(alarms.flatMap((alarm) => [`${alarm.name}.alarmDescription`, `${alarm.name}.threshold`]).sort());
    expect(plans["revert"][monitoring]).toEqual(plans["before"][monitoring]);
  });

  test("no other stack's plan changes at either step", () => {
    const others = Object.keys(plans["before"]).filter((project) => project !== "dynamodb-monitoring");
    expect(others.sort()).toEqual(["dynamodb-access", "dynamodb-bootstrap", "dynamodb-data"]);
    for (const project of others) {
      expect(plans["change"][project]).toEqual(plans["before"][project]);
      expect(plans["revert"][project]).toEqual(plans["before"][project]);
    }
  });
});
