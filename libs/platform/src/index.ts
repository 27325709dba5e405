export * from "./config";
export * from "./table-specs";
export * from "./data-contract";
export * from "./deploy-identities";
export {
  WORKSPACE_ROOT,
  dataStackConfigSource,
  readStackContext,
  stackConfigSource,
  stackDir,
  type LiveTable,
  type StackContext,
  type StackFolder,
} from "./stack-context";
