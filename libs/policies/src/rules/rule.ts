import type { ResourceValidation, ResourceValidationPolicy } from "@pulumi/policy";

/** A resource policy with one validation function, so it can be called directly. */
export type PlatformPolicy = Omit<ResourceValidationPolicy, "validateResource"> & { readonly validateResource: ResourceValidation };

/** `<type> '<name>' <problem>. Fix: <fix>` — every violation names the resource and the fix. */
export function violation(type: string, name: string, problem: string, fix: string): string {
  return `${type} '${name}' ${problem}. Fix: ${fix}`;
}

export const TABLE = "aws:dynamodb/table:Table";
export const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
export const TOPIC = "aws:sns/topic:Topic";
export const ROLE = "aws:iam/role:Role";
export const IAM_POLICY_TYPES = new Set(["aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy"]);
