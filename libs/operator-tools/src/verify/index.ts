export { main, parseVerifyArgs, USAGE, type MainIo, type VerifyArgs } from "./main";
export { verify, type VerifyOptions } from "./verify";
export { createClients, type VerifyClients } from "./clients";
export type { Check, CheckStatus } from "./check";
export { formatJson, formatTable, summarize } from "./report";
export type { EncryptedTable } from "./tables/encryption";
export { TEST_ALARM_REASON, type Clock } from "./alarms/fire-test-alarm";
