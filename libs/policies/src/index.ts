export { PLATFORM_POLICIES, POLICY_PACK_NAME } from "./platform-policies";
export { evaluatePolicies, underPolicy, type PolicyPackConfig, type PolicyViolation, type ResourceUnderPolicy } from "./evaluate";
export { policyConfigFor } from "./policy-config";
export type { PlatformPolicy } from "./rules/rule";
