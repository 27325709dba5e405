export {
  runProgram,
  expectRunFailure,
  ProgramRunFailure,
  MOCK_ACCOUNT_ID,
  MOCK_ORGANIZATION,
  type ProgramRun,
  type RegisteredResource,
  type ResourceId,
  type RunOptions,
  type StackProgram,
} from "./run-program";
export { MOCK_STREAM_LABEL } from "./mock-cloud";
export { cloudResources, resourceNamed, resourcesOfType, sortedResources } from "./queries";
