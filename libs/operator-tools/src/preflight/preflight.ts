import { paginateSimulatePrincipalPolicy, type ContextEntry, type IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import { ACCESS_BOUNDARY_POLICY_NAME } from "@dynamodb-platform/platform";
import { awsCall } from "../live-account";
import { PLATFORM_PREVIEW_ROLE_NAME, platformDeployRoleName } from "@dynamodb-platform/platform";
import type { Runner } from "@dynamodb-platform/bootstrap/src/calls/call-table";
import { resolveCalls, type ResolvedCall } from "@dynamodb-platform/bootstrap/src/calls/resolve-calls";
import type { BootstrapConfig } from "@dynamodb-platform/bootstrap/src/config";
import { policyArn, roleArn, type Account } from "@dynamodb-platform/bootstrap/src/policies/arns";
import { defaultStateBucketName } from "@dynamodb-platform/bootstrap/src/state-bucket-name";

export interface PreflightClients {
  readonly iam: IAMClient;
  readonly sts: STSClient;
}

/** AWS's decision on one call of the table: `allowed`, `implicitDeny` or `explicitDeny`. */
export interface PreflightResult {
  readonly call: ResolvedCall;
  readonly roleArn: string;
  readonly decision: string;
  /** Set when a service control policy or a permissions boundary decided it. */
  readonly deniedBy?: string;
}

function runnerRoleName(runner: Runner): string {
  return runner === "preview" ? PLATFORM_PREVIEW_ROLE_NAME : platformDeployRoleName(runner);
}

/** The ARN's partition, e.g. `aws` in `arn:aws:sts::123456789012:assumed-role/...`. */
const partitionOf = (arn: string) => arn.split(":")[1] ?? "aws";

const key = (action: string, resource: string) => `${action} ${resource}`;

interface Answer {
  readonly decision: string;
  readonly deniedBy?: string;
}

/**
 * Asks IAM's policy simulator (iam:SimulatePrincipalPolicy) whether each CI role may make every call
 * of the call table for the served stacks, with the context keys the real calls carry. The simulator
 * evaluates the role's policies and permissions boundary and, in an organization, the service
 * control policies that apply to the account (IAM User Guide, "Testing IAM policies with the IAM
 * policy simulator"), which no offline test can see. Calls are grouped per role, action and
 * context; one request lists the resources and each answer is read per resource
 * (ResourceSpecificResults); a call on "*" is asked without resources.
 */
export async function preflight(config: BootstrapConfig, clients: PreflightClients): Promise<PreflightResult[]> {
  const identity = await awsCall("GetCallerIdentity", () => clients.sts.send(new GetCallerIdentityCommand({})));
  const account: Account = { partition: partitionOf(identity.Arn ?? ""), accountId: identity.Account ?? "" };
  const calls = resolveCalls({
    account,
    bucket: { partition: account.partition, name: config.stateBucketName ?? defaultStateBucketName(account.accountId, config.region) },
    served: config.servedStacks,
    boundaryArn: policyArn(account, ACCESS_BOUNDARY_POLICY_NAME),
  });
  const groups = new Map<string, ResolvedCall[]>();
  for (const call of calls) {
    const group = `${call.runner} ${call.action} ${call.resource === "*" ? "*" : "arns"} ${JSON.stringify(call.context)}`;
    groups.set(group, [...(groups.get(group) ?? []), call]);
  }
  const results: PreflightResult[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    const source = roleArn(account, runnerRoleName(first.runner));
    const resources = first.resource === "*" ? undefined : [...new Set(group.map((call) => call.resource))];
    const context: ContextEntry[] = Object.entries(first.context).map(([name, value]) => ({ ContextKeyName: name, ContextKeyValues: [value], ContextKeyType: "string" }));
    const answers = new Map<string, Answer>();
    await awsCall(`SimulatePrincipalPolicy ${source} ${first.action}`, async () => {
      const pages = paginateSimulatePrincipalPolicy(
        { client: clients.iam },
        { PolicySourceArn: source, ActionNames: [first.action], ResourceArns: resources, ContextEntries: context.length > 0 ? context : undefined },
      );
      for await (const page of pages) {
        for (const result of page.EvaluationResults ?? []) {
          const deniedBy =
            result.OrganizationsDecisionDetail?.AllowedByOrganizations === false
              ? "a service control policy"
              : result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
                ? "a permissions boundary"
                : undefined;
          const specific = result.ResourceSpecificResults ?? [];
          // Without per-resource results the answer is the request's one resource (or "*").
          if (specific.length === 0) answers.set(key(first.action, resources?.length === 1 ? resources[0] : "*"), { decision: result.EvalDecision ?? "", deniedBy });
          for (const one of specific) answers.set(key(first.action, one.EvalResourceName ?? ""), { decision: one.EvalResourceDecision ?? "", deniedBy });
        }
      }
    });
    for (const call of group) {
      const answer = answers.get(key(call.action, call.resource));
      results.push({ call, roleArn: source, decision: answer?.decision ?? "no answer", deniedBy: answer?.deniedBy });
    }
  }
  return results;
}

/** One line per call AWS would refuse, then the verdict; every allowed call is counted, not listed. */
export function renderPreflight(results: readonly PreflightResult[]): { lines: string[]; exitCode: number } {
  const refused = results.filter((result) => result.decision !== "allowed");
  const lines = refused.map(
    ({ call, roleArn: role, decision, deniedBy }) =>
      `DENIED ${role} ${call.action} on ${call.resource} (${call.call.operation} of ${call.call.stack}; ${decision}${deniedBy ? `, by ${deniedBy}` : ""}; needed by ${call.call.source})`,
  );
  lines.push(
    refused.length === 0
      ? `preflight: every CI role may make every call of its stacks (${results.length} calls asked of IAM's policy simulator)`
      : `preflight: ${refused.length} of ${results.length} calls would be refused: CI would stop there. Fix the account (service control policy, boundary) or the roles before the first push`,
  );
  return { lines, exitCode: refused.length === 0 ? 0 : 1 };
}
