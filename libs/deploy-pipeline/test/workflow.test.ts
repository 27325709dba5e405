import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import {
  DEPLOY_ENVIRONMENT,
  DEPLOY_ROLE_VARIABLES,
  PIPELINE_STACKS,
  PREVIEW_ROLE_VARIABLE,
  STACK_PROJECTS,
  roleVariableFor,
  type PipelineStack,
  type PulumiTarget,
} from "@dynamodb-platform/deploy-identities";

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

/** The Nx Pulumi targets a job runs, per stack: `nx run <project>:<target>` or `nx affected -t <target>` (every stack). */
function targetsRun(job: Job): { stack: PipelineStack; target: PulumiTarget }[] {
  return runs(job).flatMap((command) => {
    const single = /npx nx run (@dynamodb-platform\/[a-z-]+):(preview|deploy|refresh|destroy)\b/.exec(command);
    if (single) {
      const stack = PIPELINE_STACKS.find((s) => STACK_PROJECTS[s].nxProject === single[1]);
      if (!stack) throw new Error(`unknown project ${single[1]}`);
      return [{ stack, target: single[2] as PulumiTarget }];
    }
    const affected = /npx nx affected -t (preview|deploy|refresh|destroy)\b/.exec(command);
    return affected ? PIPELINE_STACKS.map((stack) => ({ stack, target: affected[1] as PulumiTarget })) : [];
  });
}

describe("the GitHub Actions workflow", () => {
  test("is a valid workflow", () => {
    const result = validateWorkflow(text) as { errors: unknown[] };
    expect(result.errors).toEqual([]);
  });

  test("runs on pull requests and pushes to main, one run per ref, never cancelling a deploy; no permission by default", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on["push"]).toEqual({ branches: ["main"] });
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
    expect(seen.sort()).toEqual(PIPELINE_STACKS.flatMap((stack) => [`${stack}:deploy`, `${stack}:preview`]).sort());
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
    });
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

describe("choosing the stacks to deploy on main", () => {
  const step = workflow.jobs["affected"].steps.find((s) => s.id === "stacks")!;
  const shas = workflow.jobs["affected"].steps.find((s) => s.uses?.startsWith("nrwl/nx-set-shas@"))!;

  /** Runs the step's script with a stand-in `npx` that answers `nx show projects` as Nx would. */
  function chooseStacks(noPreviousBuild: string, affected: string[]): Record<string, string> {
    const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "stacks-step-"));
    const all = PIPELINE_STACKS.map((stack) => STACK_PROJECTS[stack].nxProject);
    fs.writeFileSync(
      path.join(sandbox, "npx"),
      `#!/bin/sh\ncase " $* " in *" --affected "*) echo '${JSON.stringify(affected)}';; *) echo '${JSON.stringify(all)}';; esac\n`,
      { mode: 0o755 },
    );
    const output = path.join(sandbox, "output");
    fs.writeFileSync(output, "");
    execFileSync("bash", ["-e", "-c", step.run!], {
      env: { PATH: `${sandbox}:${process.env["PATH"] ?? ""}`, GITHUB_OUTPUT: output, NO_PREVIOUS_BUILD: noPreviousBuild },
      stdio: "pipe",
    });
    return Object.fromEntries(fs.readFileSync(output, "utf8").trim().split("\n").map((line) => line.split("=") as [string, string]));
  }

  test("reads nx-set-shas' own report of a missing earlier run", () => {
    expect(shas.id).toBe("shas");
    expect(step.env).toEqual({ NO_PREVIOUS_BUILD: "${{ steps.shas.outputs.noPreviousBuild }}" });
  });

  test("the first push to main (no earlier successful run) deploys every stack, not the last commit's changes", () => {
    expect(chooseStacks("true", [STACK_PROJECTS.monitoring.nxProject])).toEqual({ data: "true", monitoring: "true", access: "true" });
  });

  test("later pushes deploy the affected stacks only", () => {
    expect(chooseStacks("", [STACK_PROJECTS.monitoring.nxProject])).toEqual({ data: "false", monitoring: "true", access: "false" });
  });
});
