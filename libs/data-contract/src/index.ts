export {
  ADOPT_EXISTING_TABLES_KEY,
  EXISTING_CONTRIBUTOR_INSIGHTS_KEY,
  DATA_PROJECT,
  DATA_STACK_OUTPUT_NAMES,
  type DataStackOutputs,
  type TableMap,
} from "./contract";
export { DataStackOutputError, validateDataStackOutputs } from "./validate-outputs";
export { dataStackName, readDataStack, readDataStackName, type DataStack } from "./data-stack-reference";
