export { LiveAccountError, awsCall, describeAwsError, isAccessDenied, isNotFound } from "./live-account-error";
export { MAX_ATTEMPTS, awsClientConfig, type AwsClientConfig } from "./client-config";
export { WORKSPACE_ROOT, readStackContext, stackDir, type LiveTable, type StackContext, type StackFolder } from "./stack-context";
export { readStackOutputs, runCommand, type CommandRunner, type StackOutputsResult } from "./stack-outputs";
export { runCli } from "./run-cli";
export { dataStackConfigSource, stackConfigSource } from "./data-stack-config";
export { describeKeyManager, type KeyManagerAnswer } from "./kms-key-manager";
export { TableNotFoundError, describeLiveTable, readLiveTable, type LiveTableClients, type LiveTableState } from "./live-table";
export { isOnKmsKey, tableKmsKeyArn } from "./table-kms-key";
