export {
  runProgram,
  expectRunFailure,
  ProgramRunFailure,
  MOCK_ACCOUNT_ID,
  MOCK_ORGANIZATION,
  type ProgramRun,
  type RegisteredResource,
  type RunOptions,
  type StackProgram,
} from "./run-program";
export { readStackFiles, type StackFiles } from "@dynamodb-platform/stack-config";
export { MOCK_STREAM_LABEL, type MockCloud } from "./mock-cloud";
export { cloudResources, resourceNamed, resourcesOfType, sortedResources } from "./queries";
