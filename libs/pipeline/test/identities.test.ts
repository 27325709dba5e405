import * as fs from "node:fs";
import * as path from "node:path";
import { PIPELINE_STACKS, PULUMI_TARGETS, roleVariableFor } from "@dynamodb-platform/platform";

/** The bootstrap runbook holds the role table ("Who may deploy what"). */
const runbook = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "runbooks", "bootstrap.md"), "utf8");

describe("who runs each Pulumi target of each stack", () => {
  test("preview and drift read as the preview role; deploy, refresh and destroy write as the stack's own role", () => {
    const table = Object.fromEntries(PIPELINE_STACKS.map((stack) => [stack, Object.fromEntries(PULUMI_TARGETS.map((target) => [target, roleVariableFor(stack, target)]))]));
    expect(table).toEqual({
      data: { preview: "AWS_PREVIEW_ROLE_ARN", deploy: "AWS_DATA_DEPLOY_ROLE_ARN", refresh: "AWS_DATA_DEPLOY_ROLE_ARN", destroy: "AWS_DATA_DEPLOY_ROLE_ARN", drift: "AWS_PREVIEW_ROLE_ARN" },
      monitoring: { preview: "AWS_PREVIEW_ROLE_ARN", deploy: "AWS_MONITORING_DEPLOY_ROLE_ARN", refresh: "AWS_MONITORING_DEPLOY_ROLE_ARN", destroy: "AWS_MONITORING_DEPLOY_ROLE_ARN", drift: "AWS_PREVIEW_ROLE_ARN" },
      access: { preview: "AWS_PREVIEW_ROLE_ARN", deploy: "AWS_ACCESS_DEPLOY_ROLE_ARN", refresh: "AWS_ACCESS_DEPLOY_ROLE_ARN", destroy: "AWS_ACCESS_DEPLOY_ROLE_ARN", drift: "AWS_PREVIEW_ROLE_ARN" },
    });
  });

  test("the bootstrap runbook's table says the same", () => {
    for (const stack of PIPELINE_STACKS) {
      expect(runbook).toContain(`| ${stack} | \`${roleVariableFor(stack, "preview")}\` | \`${roleVariableFor(stack, "deploy")}\` |`);
    }
  });
});
