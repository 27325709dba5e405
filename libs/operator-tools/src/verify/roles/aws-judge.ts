import { paginateSimulatePrincipalPolicy, type ContextEntry, type EvaluationResult, type IAMClient } from "@aws-sdk/client-iam";
import { awsCall, isNotFound } from "../../live-account";
import { dynamoDbActions, permissionMatrix, type Cell, type MatrixRole } from "@dynamodb-platform/access-policy/matrix";

/** AWS's decision on one cell: `allowed`, `implicitDeny`, `explicitDeny`, or absent when AWS gave none. */
export interface AwsJudgement {
  readonly cell: Cell;
  readonly decision: string | undefined;
  /** Condition keys a policy of the account (a service control policy, a boundary) needed and the simulation did not carry. */
  readonly missingContext: readonly string[];
}

/** The role does not exist: IAM answered NoSuchEntity (NoSuchEntityException in the SDK v3). */
export const ROLE_NOT_FOUND = "role-not-found";

const key = (action: string, resource: string) => `${action} ${resource}`;

/**
 * The global condition keys every real request of the role carries, so a policy conditioned on
 * them (an organisation's region guard on aws:RequestedRegion with a negated operator, a TLS-only
 * Deny) is judged as it would be for the real call, not as a key that is absent. IAM User Guide,
 * "AWS global condition context keys" (aws:RequestedRegion, aws:SecureTransport, aws:PrincipalArn
 * is the role's ARN for an assumed-role session, aws:PrincipalAccount, aws:PrincipalType
 * "AssumedRole", aws:ViaAWSService, aws:PrincipalIsAWSService, aws:CurrentTime, aws:EpochTime);
 * IAM API reference, ContextEntry (ContextKeyType values).
 */
function requestContext(role: MatrixRole, now: Date): ContextEntry[] {
  const entry = (ContextKeyName: string, ContextKeyType: ContextEntry["ContextKeyType"], value: string): ContextEntry => ({ ContextKeyName, ContextKeyType, ContextKeyValues: [value] });
  return [
    entry("aws:RequestedRegion", "string", role.context.region),
    entry("aws:SecureTransport", "boolean", "true"),
    entry("aws:PrincipalArn", "string", role.roleArn),
    entry("aws:PrincipalAccount", "string", role.context.accountId),
    entry("aws:PrincipalType", "string", "AssumedRole"),
    entry("aws:ViaAWSService", "boolean", "false"),
    entry("aws:PrincipalIsAWSService", "boolean", "false"),
    entry("aws:CurrentTime", "date", now.toISOString()),
    entry("aws:EpochTime", "numeric", String(Math.floor(now.getTime() / 1000))),
  ];
}

/**
 * Asks iam:SimulatePrincipalPolicy about every cell of the role's matrix: one simulation for the
 * actions that take resource ARNs (every action is evaluated on every ARN: the matrix is that
 * product), one for the actions IAM grants only on "*" (no ResourceArns means "*"), both with the
 * request's context keys. Results are paginated with Marker (the SDK's paginator). With
 * ResourceArns, the decision per ARN is in ResourceSpecificResults; the top-level
 * EvalResourceName is an ARN template, not the ARN (IAM API reference, EvaluationResult). Keys a
 * policy still needed are in MissingContextValues, per result and per resource.
 */
export async function judgeWithAws(iam: IAMClient, role: MatrixRole, now: Date = new Date()): Promise<AwsJudgement[] | typeof ROLE_NOT_FOUND> {
  const cells = await permissionMatrix(role);
  const wildcardOnly = new Set((await dynamoDbActions()).filter((action) => action.wildcardOnly).map((action) => action.name));
  const concrete = cells.filter((cell) => !wildcardOnly.has(cell.action));
  const decisions = new Map<string, { decision: string | undefined; missing: readonly string[] }>();
  const record = (results: readonly EvaluationResult[] | undefined, resources: readonly string[] | undefined) => {
    for (const result of results ?? []) {
      const action = result.EvalActionName ?? "";
      const missing = result.MissingContextValues ?? [];
      if (!resources) {
        decisions.set(key(action, "*"), { decision: result.EvalDecision, missing });
        continue;
      }
      for (const specific of result.ResourceSpecificResults ?? []) {
        // With ResourceArns, IAM reports missing context keys per resource (IAM API reference, EvaluationResult.MissingContextValues).
        decisions.set(key(action, specific.EvalResourceName ?? ""), { decision: specific.EvalResourceDecision, missing: specific.MissingContextValues ?? [] });
      }
      // A single-resource answer may come without per-resource results.
      if (!result.ResourceSpecificResults?.length && resources.length === 1) decisions.set(key(action, resources[0]), { decision: result.EvalDecision, missing });
    }
  };
  const contextEntries = requestContext(role, now);
  const simulate = async (actions: readonly string[], resources: readonly string[] | undefined) => {
    if (actions.length === 0) return;
    const pages = paginateSimulatePrincipalPolicy(
      { client: iam },
      { PolicySourceArn: role.roleArn, ActionNames: [...actions], ResourceArns: resources ? [...resources] : undefined, ContextEntries: contextEntries },
    );
    for await (const page of pages) record(page.EvaluationResults, resources);
  };
  // A role that does not exist is an answer (a failed check), not a stop.
  const outcome = await awsCall(`SimulatePrincipalPolicy ${role.roleArn}`, async () => {
    try {
      await simulate([...new Set(concrete.map((cell) => cell.action))], [...new Set(concrete.map((cell) => cell.resource))]);
      await simulate([...wildcardOnly], undefined);
      return "judged" as const;
    } catch (error) {
      if (isNotFound(error)) return ROLE_NOT_FOUND;
      throw error;
    }
  });
  if (outcome === ROLE_NOT_FOUND) return ROLE_NOT_FOUND;
  return cells.map((cell) => {
    const answer = decisions.get(key(cell.action, cell.resource));
    return { cell, decision: answer?.decision, missingContext: answer?.missing ?? [] };
  });
}
