export {
  ADOPT_EXISTING_TABLES_KEY,
  CONTRIBUTOR_INSIGHTS_MODES,
  EXISTING_CONTRIBUTOR_INSIGHTS_KEY,
  DATA_PROJECT,
  type ContributorInsightsMode,
  type DataStackOutputs,
} from "./contract";
export { validateDataStackOutputs } from "./validate-outputs";
export { DATA_STACK_KEY_SPEC, dataStackName, readDataStack, readDataStackName, type DataStack } from "./data-stack-reference";
