export { LiveAccountError, awsCall, describeAwsError, isNotFound } from "./live-account-error";
export { awsClientConfig, type RetryMode } from "./client-config";
export { readStackOutputs, type CommandRunner, type StackOutputsResult } from "./stack-outputs";
export { runCli } from "./run-cli";
export type { KeyManagerAnswer } from "./kms-key-manager";
export { TableNotFoundError, describeLiveTable, readLiveTable, type LiveTableState } from "./live-table";
export { isOnKmsKey } from "./table-kms-key";
export { DEFAULT_RECOVERY_PERIOD_DAYS, liveRecoveryPeriodDays } from "./point-in-time-recovery";
