import { runSimulation } from "@cloud-copilot/iam-simulate";

export interface PublishRequest {
  readonly principal: string;
  readonly action?: string;
  readonly sourceAccount?: string;
  readonly sourceArn?: string;
  readonly secureTransport?: boolean;
  /** The caller's own IAM policy (for principals of an account). */
  readonly identityPolicy?: unknown;
}

/**
 * Asks the IAM policy simulator @cloud-copilot/iam-simulate what AWS decides for a request to
 * the topic, given the topic's policy and, for an IAM principal, its own identity policy.
 */
export async function decide(topicPolicy: unknown, topicArn: string, request: PublishRequest): Promise<string> {
  const contextVariables: Record<string, string> = { "aws:SecureTransport": String(request.secureTransport ?? true) };
  if (request.sourceAccount) contextVariables["aws:SourceAccount"] = request.sourceAccount;
  if (request.sourceArn) contextVariables["aws:SourceArn"] = request.sourceArn;
  const result = await runSimulation(
    {
      identityPolicies: request.identityPolicy ? [{ name: "caller", policy: request.identityPolicy }] : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: topicPolicy,
      request: {
        action: request.action ?? "sns:Publish",
        principal: request.principal,
        resource: { accountId: topicArn.split(":")[4], resource: topicArn },
        contextVariables,
      },
    },
    {},
  );
  if (result.resultType === "error") return `error: ${result.errors.message}`;
  return result.overallResult;
}
