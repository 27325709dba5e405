export { LiveAccountError, awsCall, describeAwsError, isNotFound } from "./live-account-error";
export { awsClientConfig, type AwsClientConfig, type RetryMode } from "./client-config";
export { readStackOutputs, type CommandRunner, type StackOutputsResult } from "./stack-outputs";
export { runCli } from "./run-cli";
export type { KeyManagerAnswer } from "./kms-key-manager";
export { TableNotFoundError, describeLiveTable, readLiveTable, type LiveTableClients, type LiveTableState } from "./live-table";
export { isOnKmsKey, tableKmsKeyArn } from "./table-kms-key";
export { DEFAULT_RECOVERY_PERIOD_DAYS, liveRecoveryPeriodDays } from "./point-in-time-recovery";
