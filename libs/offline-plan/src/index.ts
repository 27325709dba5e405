export { discoverStackProjects, loadStackProgram, requireStackFiles, type StackProject } from "./stack-projects";
export { planStacks, StackPlanFailure, type PlannedStack, type PlanOptions } from "./plan-stacks";
export { formatPlan } from "./format-plan";
export { shortType, summarize } from "./summarize";
export { writePlanJson } from "./write-plan";
export { checkPolicies, formatPolicyResults, type StackPolicyResult } from "./plan-policies";
