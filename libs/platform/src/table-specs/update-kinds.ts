/**
 * Table inputs (Pulumi names of aws.dynamodb.Table) grouped by the kind of UpdateTable call that
 * changes them: DynamoDB accepts one kind per call, and the provider sends billing and stream
 * together (docs/decisions/tables-adopted-in-place.md, "Why four adoption deploys").
 */
export const BILLING_PROPERTIES = ["billingMode", "readCapacity", "writeCapacity"] as const;
export const STREAM_PROPERTIES = ["streamEnabled", "streamViewType"] as const;
/** GSIs and the attribute definitions their keys need travel together (one GSI per call). */
export const INDEX_PROPERTIES = ["globalSecondaryIndexes", "attributes"] as const;
/** Point-in-time recovery has its own API (UpdateContinuousBackups). */
export const PITR_PROPERTIES = ["pointInTimeRecovery"] as const;
