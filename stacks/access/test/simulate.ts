import { runSimulation } from "@cloud-copilot/iam-simulate";

/**
 * The local judge: asks the IAM policy simulator @cloud-copilot/iam-simulate whether `principal`,
 * holding `policy`, may do `action` on `resource`. `NotApplicable`: the action has no resource of
 * that type (GetRecords on a table ARN, DeleteBackup on a table), so AWS can never authorize it
 * there. Any other simulator error (an unknown action) is returned as an error, never as a denial.
 */
export async function simulate(
  principal: string,
  policy: unknown,
  action: string,
  resource: string,
  resourcePolicy?: unknown,
): Promise<"Allowed" | "Denied" | "NotApplicable" | `error: ${string}`> {
  const accountId = resource === "*" ? principal.split(":")[4] : resource.split(":")[4];
  const result = await runSimulation(
    {
      identityPolicies: policy ? [{ name: "role-policy", policy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy,
      request: { action, principal, resource: { accountId, resource }, contextVariables: {} },
    },
    {},
  );
  if (result.resultType === "error") {
    return result.errors.message === "no.resource.types" ? "NotApplicable" : `error: ${result.errors.message}`;
  }
  return result.overallResult === "Allowed" ? "Allowed" : "Denied";
}
