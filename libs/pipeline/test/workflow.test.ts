import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import {
  DEPLOY_ENVIRONMENT,
  DEPLOY_ROLE_VARIABLES,
  DRIFT_CHECK_BRANCH,
  PIPELINE_STACKS,
  PREVIEW_ROLE_VARIABLE,
  STACK_PROJECTS,
  readStackFiles,
  roleVariableFor,
  type PipelineStack,
  type PulumiTarget,
} from "@dynamodb-platform/platform";

const root = path.join(__dirname, "..", "..", "..");
const text = fs.readFileSync(path.join(root, ".github", "workflows", "infra.yml"), "utf8");

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
};
const jobs = Object.entries(workflow.jobs);

const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const uses = (job: Job, action: string) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));
const needs = (job: Job) => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);
/** The repository variable a job takes its AWS role from, or undefined when it gets no AWS credentials. */
function assumedVariable(job: Job): string | undefined {
  const role = uses(job, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"] as string | undefined;
  if (role === undefined) return undefined;
  const variable = /^\$\{\{ vars\.([A-Z_]+) \}\}$/.exec(role)?.[1];
  if (!variable) throw new Error(`role-to-assume is not a repository variable: ${role}`);
  return variable;
}

/**
 * The Nx Pulumi targets a job runs, per stack: `nx run <project>:<target>`, or the same target in a
 * loop over what `npm run -s affected-stacks` prints (any stack).
 */
function targetsRun(job: Job): { stack: PipelineStack; target: PulumiTarget }[] {
  return runs(job).flatMap((command) => {
    const looped = /npx nx run "@dynamodb-platform\/\$stack:(preview|deploy|refresh|destroy|drift)"/.exec(command);
    if (looped) {
      expect(command).toContain("npm run -s affected-stacks -- ");
      expect(command).toContain("for stack in ");
      return PIPELINE_STACKS.map((stack) => ({ stack, target: looped[1] as PulumiTarget }));
    }
    const single = /npx nx run (@dynamodb-platform\/[a-z-]+):(preview|deploy|refresh|destroy|drift)\b/.exec(command);
    if (single) {
      const stack = PIPELINE_STACKS.find((s) => STACK_PROJECTS[s].nxProject === single[1]);
      if (!stack) throw new Error(`unknown project ${single[1]}`);
      return [{ stack, target: single[2] as PulumiTarget }];
    }
    expect(command).not.toMatch(/nx affected -t (preview|deploy|refresh|destroy|drift)\b/);
    return [];
  });
}

describe("the GitHub Actions workflow", () => {
  test("is a valid workflow", () => {
    const result = validateWorkflow(text) as { errors: unknown[] };
    expect(result.errors).toEqual([]);
  });

  test("every AWS region it names is the region of the environment it runs (stacks/environments/<stack>.yaml)", () => {
    const env = (workflow as unknown as { env: Record<string, string> }).env;
    const region = readStackFiles(path.join(root, "stacks", "data"), env["PULUMI_STACK"]).config["aws:region"];
    const named = jobs.flatMap(([, job]) => job.steps.flatMap((step) => (step.with?.["aws-region"] === undefined ? [] : [step.with["aws-region"]])));
    expect(named.length).toBeGreaterThan(0);
    expect([env["AWS_REGION"], ...named]).toEqual(Array(named.length + 1).fill(region));
  });

  test("a job that runs the tests installs moto_server first: GitHub sets CI=true, under which the moto tier fails without it", () => {
    const testing = jobs.filter(([, job]) => runs(job).some((run) => /nx .*-t [^\n]*\btest\b/.test(run)));
    expect(testing.map(([name]) => name)).toEqual(["checks"]);
    for (const [, job] of testing) {
      const install = runs(job).findIndex((run) => /pipx install "moto\[server\]/.test(run));
      const test = runs(job).findIndex((run) => /\btest\b/.test(run) && run.includes("nx"));
      expect(install).toBeGreaterThanOrEqual(0);
      expect(install).toBeLessThan(test);
    }
  });

  test("runs on pull requests, pushes to main, nightly and by hand, one run per ref, never cancelling a deploy; no permission by default", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push", "schedule", "workflow_dispatch"]);
    expect(workflow.on["push"]).toEqual({ branches: [DRIFT_CHECK_BRANCH] });
    expect(workflow.on["schedule"]).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) as unknown }]);
    expect(workflow.concurrency.group).toContain("${{ github.ref }}");
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
    expect(workflow.permissions).toEqual({});
  });

  test("every Nx Pulumi target runs as the role the identities table names for that stack and target", () => {
    const seen: string[] = [];
    for (const [name, job] of jobs) {
      for (const { stack, target } of targetsRun(job)) {
        expect({ job: name, stack, target, role: assumedVariable(job) }).toEqual({ job: name, stack, target, role: roleVariableFor(stack, target) });
        seen.push(`${stack}:${target}`);
      }
    }
    expect(seen.sort()).toEqual(PIPELINE_STACKS.flatMap((stack) => [`${stack}:deploy`, `${stack}:drift`, `${stack}:preview`]).sort());
  });

  test("who assumes what, in which job and environment", () => {
    const table = Object.fromEntries(jobs.map(([name, job]) => [name, { role: assumedVariable(job), environment: job.environment }]));
    expect(table).toEqual({
      checks: { role: undefined, environment: undefined },
      preview: { role: PREVIEW_ROLE_VARIABLE, environment: undefined },
      affected: { role: undefined, environment: undefined },
      "deploy-data": { role: DEPLOY_ROLE_VARIABLES.data, environment: DEPLOY_ENVIRONMENT },
      "deploy-monitoring": { role: DEPLOY_ROLE_VARIABLES.monitoring, environment: DEPLOY_ENVIRONMENT },
      "deploy-access": { role: DEPLOY_ROLE_VARIABLES.access, environment: DEPLOY_ENVIRONMENT },
      verify: { role: PREVIEW_ROLE_VARIABLE, environment: DEPLOY_ENVIRONMENT },
      drift: { role: PREVIEW_ROLE_VARIABLE, environment: undefined },
    });
  });

  test("the drift check runs unattended on main only: no environment (so no reviewer holds it; its OIDC subject is the branch ref the preview role trusts)", () => {
    const drift = workflow.jobs["drift"];
    expect(drift.if).toBe(`(github.event_name == 'schedule' || github.event_name == 'workflow_dispatch') && github.ref == 'refs/heads/${DRIFT_CHECK_BRANCH}'`);
    expect(drift.environment).toBeUndefined();
    expect(needs(drift)).toEqual([]);
    // Verify runs after the previews even when one found drift, so one night reports both.
    const verify = drift.steps.find((step) => step.run?.startsWith("npm run verify"));
    expect(verify).toMatchObject({ if: "${{ !cancelled() }}", run: "npm run verify -- --stack $PULUMI_STACK" });
    // Every other job runs for pull requests or pushes only: a nightly run deploys nothing.
    for (const [name, job] of jobs.filter(([name]) => name !== "drift")) {
      expect({ name, scheduled: /schedule|workflow_dispatch|always\(\)/.test(job.if ?? "") }).toEqual({ name, scheduled: false });
    }
  });

  test("pull-request jobs never hold a deploy role; deploy roles only in the production environment on main", () => {
    const deployRoles = new Set(Object.values(DEPLOY_ROLE_VARIABLES));
    for (const [name, job] of jobs) {
      const role = assumedVariable(job);
      if (job.if?.includes("pull_request")) expect({ name, role }).not.toEqual({ name, role: expect.stringMatching(/DEPLOY/) as unknown });
      if (role && deployRoles.has(role)) {
        expect({ name, environment: job.environment }).toEqual({ name, environment: DEPLOY_ENVIRONMENT });
        expect(needs(job)).toContain("affected");
      }
    }
    expect(workflow.jobs["affected"].if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(workflow.jobs["checks"].if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs["preview"].if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs["deploy-data"].needs).toBe("affected");
  });

  test("OIDC tokens only where a role is assumed; actions: read wherever nx-set-shas runs", () => {
    for (const [name, job] of jobs) {
      const assumes = assumedVariable(job) !== undefined;
      expect({ name, idToken: job.permissions?.["id-token"] }).toEqual({ name, idToken: assumes ? "write" : undefined });
      if (uses(job, "nrwl/nx-set-shas")) {
        expect({ name, actions: job.permissions?.["actions"] }).toEqual({ name, actions: "read" });
        expect({ name, checkout: uses(job, "actions/checkout")?.with }).toEqual({ name, checkout: { "fetch-depth": 0 } });
      }
      expect(job.permissions?.["contents"]).toBe("read");
    }
  });

  test("the state passphrase reaches only jobs that run pulumi", () => {
    for (const [name, job] of jobs) {
      const runsPulumi = uses(job, "pulumi/actions") !== undefined;
      expect({ name, passphrase: job.env?.["PULUMI_CONFIG_PASSPHRASE"] !== undefined }).toEqual({ name, passphrase: runsPulumi });
      if (runsPulumi) {
        const [major, minor] = String(uses(job, "pulumi/actions")?.with?.["pulumi-version"]).split(".").map(Number);
        expect(major === 3 && minor >= 174).toBe(true);
        expect(job.env?.["PULUMI_BACKEND_URL"]).toBe("${{ vars.PULUMI_BACKEND_URL }}");
      }
    }
  });

  test("Node comes from .nvmrc, which names Node 24 LTS", () => {
    expect(fs.readFileSync(path.join(root, ".nvmrc"), "utf8").trim()).toBe("24");
    for (const [name, job] of jobs) {
      const node = uses(job, "actions/setup-node");
      expect({ name, with: node?.with }).toEqual({ name, with: { "node-version-file": ".nvmrc", cache: "npm" } });
    }
  });

  test("data deploys first; monitoring and access after it, in parallel, without re-running data's deploy; verify after all", () => {
    for (const stack of ["monitoring", "access"] as const) {
      const job = workflow.jobs[`deploy-${stack}`];
      expect(needs(job).sort()).toEqual(["affected", "deploy-data"]);
      // Runs when data was skipped (unchanged), never after a failed data deploy.
      expect(job.if).toBe(`\${{ !cancelled() && !failure() && needs.affected.outputs.${stack} == 'true' }}`);
      expect(runs(job)).toEqual([`npm ci`, `npx nx run ${STACK_PROJECTS[stack].nxProject}:deploy --stack=$PULUMI_STACK --exclude-task-dependencies`]);
    }
    expect(workflow.jobs["deploy-data"].if).toBe("needs.affected.outputs.data == 'true'");
    expect(needs(workflow.jobs["verify"]).sort()).toEqual(["affected", "deploy-access", "deploy-data", "deploy-monitoring"]);
    expect(runs(workflow.jobs["verify"])).toContain("npm run verify -- --stack $PULUMI_STACK");
  });
});

/**
 * Runs a step's script with stand-ins on PATH: `npm` answers `npm run -s affected-stacks` (one
 * stack per line: every stack for --all, else `selected`) and `npx` fails for the stacks in
 * `failing`. Returns what the step wrote to GITHUB_OUTPUT, its exit code, output and the calls.
 */
function runStep(script: string, env: Record<string, string>, selected: readonly string[], failing: readonly string[] = []) {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "workflow-step-"));
  try {
    const calls = path.join(sandbox, "calls");
    fs.writeFileSync(
      path.join(sandbox, "npm"),
      `#!/bin/sh\necho "npm $*" >> "${calls}"\ncase " $* " in *" --all "*) printf '${PIPELINE_STACKS.join("\\n")}\\n';; *) printf '${selected.map((stack) => `${stack}\\n`).join("")}';; esac\n`,
      { mode: 0o755 },
    );
    fs.writeFileSync(
      path.join(sandbox, "npx"),
      `#!/bin/sh\necho "npx $*" >> "${calls}"\ncase "$*" in ${failing.map((stack) => `*"/${stack}:"*) echo "drift in ${stack}"; exit 1;;`).join(" ")} *) exit 0;; esac\n`,
      { mode: 0o755 },
    );
    const output = path.join(sandbox, "output");
    fs.writeFileSync(output, "");
    fs.writeFileSync(calls, "");
    // GitHub runs `run:` scripts with `bash -e {0}` (GitHub docs, workflow syntax, defaults.run.shell).
    const result = spawnSync("bash", ["-e", "-c", script], {
      env: { PATH: `${sandbox}:${process.env["PATH"] ?? ""}`, GITHUB_OUTPUT: output, PULUMI_STACK: "prod", ...env },
      encoding: "utf8",
    });
    const outputs = Object.fromEntries(fs.readFileSync(output, "utf8").trim().split("\n").filter(Boolean).map((line) => line.split("=") as [string, string]));
    const called = fs.readFileSync(calls, "utf8").trim().split("\n").filter(Boolean);
    return { code: result.status, stdout: result.stdout, outputs, calls: called };
  } finally {
    fs.rmSync(sandbox, { recursive: true, force: true });
  }
}

const SHAS = { NX_BASE: "1111111", NX_HEAD: "2222222" };

describe("choosing the stacks to deploy on main", () => {
  const step = workflow.jobs["affected"].steps.find((s) => s.id === "stacks")!;
  const shas = workflow.jobs["affected"].steps.find((s) => s.uses?.startsWith("nrwl/nx-set-shas@"))!;
  const chooseStacks = (noPreviousBuild: string, selected: string[]) => runStep(step.run!, { NO_PREVIOUS_BUILD: noPreviousBuild, ...SHAS }, selected);

  test("reads nx-set-shas' own report of a missing earlier run", () => {
    expect(shas.id).toBe("shas");
    expect(step.env).toEqual({ NO_PREVIOUS_BUILD: "${{ steps.shas.outputs.noPreviousBuild }}" });
  });

  test("the first push to main (no earlier successful run) deploys every stack, not the last commit's changes", () => {
    const run = chooseStacks("true", ["monitoring"]);
    expect(run.outputs).toEqual({ data: "true", monitoring: "true", access: "true" });
    expect(run.calls).toEqual(["npm run -s affected-stacks -- --all"]);
  });

  test("later pushes deploy what affected-stacks prints for nx-set-shas' base and head, and nothing else", () => {
    const run = chooseStacks("", ["monitoring"]);
    expect(run.outputs).toEqual({ data: "false", monitoring: "true", access: "false" });
    expect(run.calls).toEqual([`npm run -s affected-stacks -- --base ${SHAS.NX_BASE} --head ${SHAS.NX_HEAD}`]);
    expect(chooseStacks("", []).outputs).toEqual({ data: "false", monitoring: "false", access: "false" });
  });
});

describe("previewing a pull request", () => {
  const step = workflow.jobs["preview"].steps.find((s) => s.run?.includes("affected-stacks"))!;

  test("previews exactly the stacks the change would deploy, with the same command as the deploy", () => {
    const run = runStep(step.run!, SHAS, ["data", "access"]);
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([
      `npm run -s affected-stacks -- --base ${SHAS.NX_BASE} --head ${SHAS.NX_HEAD}`,
      `npx nx run ${STACK_PROJECTS.data.nxProject}:preview --stack=prod`,
      `npx nx run ${STACK_PROJECTS.access.nxProject}:preview --stack=prod`,
    ]);
  });

  test("a change that deploys nothing previews nothing", () => {
    expect(runStep(step.run!, SHAS, []).calls).toEqual([`npm run -s affected-stacks -- --base ${SHAS.NX_BASE} --head ${SHAS.NX_HEAD}`]);
  });
});

describe("the nightly drift check", () => {
  const step = workflow.jobs["drift"].steps.find((s) => s.run?.includes(":drift"))!;

  test("checks every stack, even after one drifted, then fails naming the stacks that drifted", () => {
    const run = runStep(step.run!, {}, [], ["monitoring"]);
    expect(run.code).toBe(1);
    expect(run.calls).toEqual(["npm run -s affected-stacks -- --all", ...PIPELINE_STACKS.map((stack) => `npx nx run ${STACK_PROJECTS[stack].nxProject}:drift --stack=prod`)]);
    expect(run.stdout).toMatch(/^::error::Drift in the production stacks: monitoring\. /m);
  });

  test("passes when no stack drifted", () => {
    expect(runStep(step.run!, {}, []).code).toBe(0);
  });
});
