import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";

const workflowFile = path.join(__dirname, "..", "..", "..", ".github", "workflows", "infra.yml");
const text = fs.readFileSync(workflowFile, "utf8");

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  steps: Step[];
}
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
};

const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const uses = (job: Job, action: string) => job.steps.find((step) => step.uses?.startsWith(`${action}@`));

describe("the GitHub Actions workflow", () => {
  test("is a valid workflow", () => {
    const result = validateWorkflow(text) as { errors: unknown[] };
    expect(result.errors).toEqual([]);
  });

  test("runs on pull requests and on pushes to main, one run per ref, never cancelling a deploy", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on["push"]).toEqual({ branches: ["main"] });
    expect(workflow.concurrency.group).toContain("${{ github.ref }}");
    expect(workflow.concurrency["cancel-in-progress"]).toBe(false);
    expect(workflow.permissions).toEqual({ contents: "read", "id-token": "write" });
  });

  test("pull requests lint, typecheck and test what changed, then preview the affected stacks", () => {
    const job = workflow.jobs["pull-request"];
    expect(job.if).toBe("github.event_name == 'pull_request'");
    expect(runs(job)).toContain("npx nx affected -t lint typecheck test");
    expect(runs(job)).toContain("npx nx affected -t preview --stack=$PULUMI_STACK --parallel=1");
  });

  test("main deploys the affected stacks one at a time", () => {
    const job = workflow.jobs["deploy"];
    expect(job.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(runs(job)).toContain("npx nx affected -t deploy --stack=$PULUMI_STACK --parallel=1");
  });

  test.each(["pull-request", "deploy"])("%s: full history for nx-set-shas, OIDC credentials from a variable, Pulumi CLI >= 3.174", (name) => {
    const job = workflow.jobs[name];
    expect(uses(job, "actions/checkout")?.with).toEqual({ "fetch-depth": 0 });
    expect(uses(job, "nrwl/nx-set-shas")).toBeDefined();
    expect(uses(job, "aws-actions/configure-aws-credentials")?.with).toEqual({
      "role-to-assume": "${{ vars.AWS_ROLE_TO_ASSUME }}",
      "aws-region": "ap-southeast-2",
    });
    const version = String(uses(job, "pulumi/actions")?.with?.["pulumi-version"]);
    const [major, minor] = version.split(".").map(Number);
    expect(major === 3 && minor >= 174).toBe(true);
    const order = ["nrwl/nx-set-shas", "aws-actions/configure-aws-credentials", "pulumi/actions"].map((action) =>
      job.steps.findIndex((step) => step.uses?.startsWith(`${action}@`)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const nxSteps = job.steps.map((step, i) => (step.run?.includes("-t preview") || step.run?.includes("-t deploy") ? i : -1)).filter((i) => i >= 0);
    expect(Math.min(...nxSteps)).toBeGreaterThan(Math.max(...order));
  });
});
