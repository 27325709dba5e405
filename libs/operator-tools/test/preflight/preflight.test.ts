import { IAMClient, SimulatePrincipalPolicyCommand, type EvaluationResult, type SimulatePrincipalPolicyCommandInput } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import type { ProgramRun } from "@dynamodb-platform/program-runner";
import { awsError, simulate } from "@dynamodb-platform/testing";
import { main } from "../../src/preflight/main";
import { runBootstrapStack } from "@dynamodb-platform/bootstrap/test/run-bootstrap-stack";
import { ACCOUNT, policyOf } from "@dynamodb-platform/bootstrap/test/role-matrix";

const iam = mockClient(IAMClient);
const sts = mockClient(STSClient);
const clients = (region: string) => ({ iam: new IAMClient({ region }), sts: new STSClient({ region }) });

/** aws/dynamodb's key policy delegates metadata reads to the account (AWS KMS Developer Guide, "Default key policy"). */
const KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: ["kms:Describe*", "kms:Get*", "kms:List*"], Resource: "*" }],
};

let prod: ProgramRun;
const requests: SimulatePrincipalPolicyCommandInput[] = [];

/**
 * IAM's simulator as this account would answer, from the roles the bootstrap program creates,
 * judged by the local simulator; `scpDenies` plays a service control policy of the organization.
 */
function serveAccount(scpDenies: (action: string, resource: string) => boolean = () => false): void {
  iam.reset();
  sts.reset();
  requests.length = 0;
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AdministratorAccess/operator`, UserId: "AROA:operator" });
  iam.on(SimulatePrincipalPolicyCommand).callsFake(async (input: SimulatePrincipalPolicyCommandInput) => {
    requests.push(input);
    const roleName = String(input.PolicySourceArn).split("/").pop() ?? "";
    const context = Object.fromEntries((input.ContextEntries ?? []).map((entry) => [entry.ContextKeyName ?? "", entry.ContextKeyValues ?? []]));
    const results: EvaluationResult[] = [];
    for (const action of input.ActionNames ?? []) {
      const judge = async (resource: string) => {
        const concrete = resource === "*" ? `arn:aws:cloudwatch:ap-southeast-2:${ACCOUNT}:alarm:any` : resource.replace(/key\/\*$/, "key/1234abcd");
        const verdict = await simulate(
          { principal: String(input.PolicySourceArn), policy: policyOf(prod, roleName), resourcePolicy: concrete.includes(":kms:") ? KEY_POLICY : undefined },
          { action, resource: concrete, context },
        );
        const byScp = scpDenies(action, resource);
        return { decision: byScp ? "explicitDeny" : verdict === "Allowed" ? "allowed" : "implicitDeny", byScp } as const;
      };
      if (!input.ResourceArns) {
        const { decision, byScp } = await judge("*");
        results.push({ EvalActionName: action, EvalResourceName: "*", EvalDecision: decision, OrganizationsDecisionDetail: { AllowedByOrganizations: !byScp } });
        continue;
      }
      const specific = await Promise.all(input.ResourceArns.map(async (arn) => ({ arn, ...(await judge(arn)) })));
      results.push({
        EvalActionName: action,
        EvalResourceName: "arn:aws:*",
        EvalDecision: specific.every((s) => s.decision === "allowed") ? "allowed" : "implicitDeny",
        OrganizationsDecisionDetail: { AllowedByOrganizations: !specific.some((s) => s.byScp) },
        ResourceSpecificResults: specific.map((s) => ({ EvalResourceName: s.arn, EvalResourceDecision: s.decision })),
      });
    }
    return { EvaluationResults: results, IsTruncated: false };
  });
}

async function run(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(["--stack", "prod"], { clients, print: (line) => lines.push(line) });
  return { code, lines };
}

beforeAll(async () => {
  prod = await runBootstrapStack("prod");
});

describe("npm run preflight -- --stack prod", () => {
  test("exit 0 when IAM allows every call of the table to the role that makes it", async () => {
    serveAccount();
    const { code, lines } = await run();
    expect(lines.at(-1)).toMatch(/^preflight: every CI role may make every call of its stacks \(\d+ calls asked of IAM's policy simulator\)$/);
    expect(code).toBe(0);
  });

  test("asks with the context keys the real calls carry, for the four CI roles", async () => {
    serveAccount();
    await run();
    const asked = (action: string) => requests.filter((r) => r.ActionNames?.[0] === action);
    expect(new Set(requests.map((r) => String(r.PolicySourceArn).split("/").pop()))).toEqual(
      new Set(["dynamodb-platform-preview", "dynamodb-platform-deploy-data", "dynamodb-platform-deploy-monitoring", "dynamodb-platform-deploy-access"]),
    );
    expect(asked("iam:CreateRole")[0].ContextEntries).toEqual([
      { ContextKeyName: "iam:PermissionsBoundary", ContextKeyValues: [`arn:aws:iam::${ACCOUNT}:policy/dynamodb-platform-access-boundary`], ContextKeyType: "string" },
    ]);
    expect(asked("kms:DescribeKey").some((r) => r.ContextEntries?.[0]?.ContextKeyName === "kms:RequestAlias")).toBe(true);
    expect(asked("cloudwatch:DescribeAlarms").every((r) => r.ResourceArns === undefined)).toBe(true);
    expect(asked("s3:GetObject").flatMap((r) => r.ResourceArns ?? [])).toContain(`arn:aws:s3:::pulumi-state-${ACCOUNT}-ap-southeast-2/.pulumi/stacks/dynamodb-data/prod.pulumi-tags`);
  });

  test("a service control policy that denies the stack tags file shows up before CI does: every operation's call named, exit 1", async () => {
    serveAccount((action, resource) => action === "s3:GetObject" && resource.endsWith(".pulumi-tags"));
    const { code, lines } = await run();
    expect(code).toBe(1);
    const denied = lines.filter((line) => line.startsWith("DENIED"));
    expect(denied).toContain(
      `DENIED arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-deploy-data s3:GetObject on arn:aws:s3:::pulumi-state-${ACCOUNT}-ap-southeast-2/.pulumi/stacks/dynamodb-data/prod.pulumi-tags ` +
        "(up of data; explicitDeny, by a service control policy; needed by pulumi/pulumi pkg/backend/diy (read at v3.260.0; pinned CLI 3.276.0)/state.go getTarget → stack_tags.go loadStackTags)",
    );
    expect(new Set(denied.map((line) => line.split(" ")[1]))).toHaveProperty("size", 4);
    expect(lines.at(-1)).toMatch(/^preflight: \d+ of \d+ calls would be refused: CI would stop there/);
  });

  test("no credentials: one line, no simulation", async () => {
    serveAccount();
    sts.on(GetCallerIdentityCommand).rejects(awsError("CredentialsProviderError", "Could not load credentials from any providers"));
    await expect(run()).rejects.toThrow("GetCallerIdentity: no AWS credentials found. Sign in (e.g. 'aws sso login' or set AWS_PROFILE) and run again.");
    expect(requests).toEqual([]);
  });

  test("a bad argument is one clear line", async () => {
    await expect(main(["--stak", "prod"])).rejects.toThrow(/Unknown option '--stak'.*usage: npm run preflight -- --stack <bootstrap stack>/);
  });
});
