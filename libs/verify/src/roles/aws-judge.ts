import { paginateSimulatePrincipalPolicy, type EvaluationResult, type IAMClient } from "@aws-sdk/client-iam";
import { awsCall } from "@dynamodb-platform/live-account";
import { dynamoDbActions, permissionMatrix, type Cell, type MatrixRole } from "@dynamodb-platform/permission-matrix";

/** AWS's decision on one cell: `allowed`, `implicitDeny`, `explicitDeny`, or absent when AWS gave none. */
export interface AwsJudgement {
  readonly cell: Cell;
  readonly decision: string | undefined;
}

const key = (action: string, resource: string) => `${action} ${resource}`;

/**
 * Asks iam:SimulatePrincipalPolicy about every cell of the role's matrix: one simulation for the
 * actions that take resource ARNs (every action is evaluated on every ARN: the matrix is that
 * product), one for the actions IAM grants only on "*" (no ResourceArns means "*"). Results are
 * paginated with Marker (the SDK's paginator). With ResourceArns, the decision per ARN is in
 * ResourceSpecificResults; the top-level EvalResourceName is an ARN template, not the ARN
 * (IAM API reference, EvaluationResult).
 */
export async function judgeWithAws(iam: IAMClient, role: MatrixRole): Promise<AwsJudgement[]> {
  const cells = await permissionMatrix(role);
  const wildcardOnly = new Set((await dynamoDbActions()).filter((action) => action.wildcardOnly).map((action) => action.name));
  const concrete = cells.filter((cell) => !wildcardOnly.has(cell.action));
  const decisions = new Map<string, string | undefined>();
  const record = (results: readonly EvaluationResult[] | undefined, resources: readonly string[] | undefined) => {
    for (const result of results ?? []) {
      const action = result.EvalActionName ?? "";
      if (!resources) {
        decisions.set(key(action, "*"), result.EvalDecision);
        continue;
      }
      for (const specific of result.ResourceSpecificResults ?? []) {
        decisions.set(key(action, specific.EvalResourceName ?? ""), specific.EvalResourceDecision);
      }
      // A single-resource answer may come without per-resource results.
      if (!result.ResourceSpecificResults?.length && resources.length === 1) decisions.set(key(action, resources[0]), result.EvalDecision);
    }
  };
  const simulate = async (actions: readonly string[], resources: readonly string[] | undefined) => {
    if (actions.length === 0) return;
    const pages = paginateSimulatePrincipalPolicy(
      { client: iam },
      { PolicySourceArn: role.roleArn, ActionNames: [...actions], ResourceArns: resources ? [...resources] : undefined },
    );
    await awsCall(`SimulatePrincipalPolicy ${role.roleArn}`, async () => {
      for await (const page of pages) record(page.EvaluationResults, resources);
    });
  };
  await simulate([...new Set(concrete.map((cell) => cell.action))], [...new Set(concrete.map((cell) => cell.resource))]);
  await simulate([...wildcardOnly], undefined);
  return cells.map((cell) => ({ cell, decision: decisions.get(key(cell.action, cell.resource)) }));
}
