export { discoverStackProjects, loadStackProgram, requireStackFiles, type StackProject } from "./stack-projects";
export { planStacks, StackPlanFailure, type PlannedStack, type PlanOptions } from "./plan-stacks";
export { formatPlan } from "./format-plan";
export { shortType, summarize } from "./summarize";
export { writePlanJson } from "./write-plan";
export { checkPolicies, formatPolicyResults, type StackPolicyResult } from "./plan-policies";
export {
  declaredStateOf,
  planDeclaredState,
  type DeclaredAlarm,
  type DeclaredMetricQuery,
  type DeclaredRole,
  type DeclaredState,
  type DeclaredStateOptions,
  type DeclaredTable,
  type DeclaredTopic,
} from "./declared-state";
