import { runSimulation } from "@cloud-copilot/iam-simulate";

/** AWS's answer: NotApplicable when the action has no resource of that type (AWS never authorizes it there). */
export type Verdict = "Allowed" | "Denied" | "NotApplicable" | `error: ${string}`;

export interface Request {
  readonly action: string;
  readonly resource: string;
  /** Request context, e.g. iam:PermissionsBoundary or the OIDC token's claims. */
  readonly context?: Record<string, string | string[]>;
}

export interface Holder {
  readonly principal: string;
  readonly policy?: unknown;
  readonly boundary?: unknown;
  readonly resourcePolicy?: unknown;
}

/** Resources whose ARN names no account (S3) belong to the mock account. */
const ACCOUNT = "123456789012";

/**
 * The local IAM judge of every test: asks the policy simulator @cloud-copilot/iam-simulate (AGPL:
 * tests only) whether `holder` may make `request`, given its identity policy, permissions boundary
 * and the resource's own policy. Any simulator error other than "no resource of that type" (an
 * unknown action) is returned as an error, never as a denial.
 */
export async function simulate(holder: Holder, request: Request): Promise<Verdict> {
  const arnAccount = request.resource.split(":")[4];
  const result = await runSimulation(
    {
      identityPolicies: holder.policy ? [{ name: "role-policy", policy: holder.policy }] : [],
      permissionBoundaryPolicies: holder.boundary ? [{ name: "boundary", policy: holder.boundary }] : undefined,
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: holder.resourcePolicy,
      request: {
        action: request.action,
        principal: holder.principal,
        // S3 ARNs carry no account: the bucket is this account's.
        resource: { accountId: arnAccount || ACCOUNT, resource: request.resource },
        contextVariables: request.context ?? {},
      },
    },
    {},
  );
  if (result.resultType === "error") {
    return result.errors.message === "no.resource.types" ? "NotApplicable" : `error: ${result.errors.message}`;
  }
  return result.overallResult === "Allowed" ? "Allowed" : "Denied";
}
