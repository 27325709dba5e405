import { accessCeilingStatements, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import type { ServedStack } from "../served-stacks";
import { tableArns, type Account } from "./arns";

/**
 * The ceiling of every role the access stack creates: what the access policy can grant on the
 * served tables, their indexes and streams, nothing else. A permissions boundary grants nothing by
 * itself; a role's effective permissions are what both its own policy and the boundary allow (AWS
 * IAM User Guide, "Permissions boundaries for IAM entities", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html). So even a widened access-stack
 * policy could never reach another table, an admin action or another service.
 */
export function accessBoundaryPolicy(account: Account, served: readonly ServedStack[]): PolicyDocument {
  return policyDocument(accessCeilingStatements(served.flatMap((s) => tableArns(account, s))));
}
