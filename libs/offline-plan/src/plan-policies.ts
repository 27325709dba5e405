import { evaluatePolicies, PLATFORM_POLICIES, policyConfigFor, underPolicy, type PolicyViolation } from "@dynamodb-platform/policies";
import type { PlannedStack } from "./plan-stacks";

export interface StackPolicyResult {
  readonly project: string;
  readonly checkedResources: number;
  readonly violations: readonly PolicyViolation[];
}

/** Every platform policy on every resource of each planned stack, with that stack's policy config. */
export async function checkPolicies(stack: string, planned: readonly PlannedStack[]): Promise<StackPolicyResult[]> {
  const results: StackPolicyResult[] = [];
  for (const entry of planned) {
    const resources = underPolicy(entry.run.resources);
    const violations = await evaluatePolicies(resources, policyConfigFor(entry.dir, stack));
    results.push({ project: entry.project, checkedResources: resources.length, violations });
  }
  return results;
}

export function formatPolicyResults(results: readonly StackPolicyResult[]): string {
  const lines = [`Policy pack (${PLATFORM_POLICIES.length} mandatory policies, the same ones 'pulumi preview --policy-pack' enforces):`];
  for (const result of results) {
    const verdict = result.violations.length === 0 ? "all passed" : `${result.violations.length} VIOLATION(S)`;
    lines.push(`  ${result.project}: ${result.checkedResources} resources checked, ${verdict}`);
    for (const violation of result.violations) lines.push(`    [${violation.policy}] ${violation.message}`);
  }
  return lines.join("\n");
}
