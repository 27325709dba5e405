/**
 * Table inputs (Pulumi names of aws.dynamodb.Table) grouped by the kind of UpdateTable call that
 * changes them. DynamoDB accepts only one of these kinds per call: change billing/throughput,
 * enable or disable the stream, create or delete one GSI (UpdateTable, DynamoDB API reference);
 * the AWS provider puts billing and stream changes into one call (terraform-provider-aws#35673).
 */
export const BILLING_PROPERTIES = ["billingMode", "readCapacity", "writeCapacity"] as const;
export const STREAM_PROPERTIES = ["streamEnabled", "streamViewType"] as const;
/** GSIs and the attribute definitions their keys need travel together (one GSI per call). */
export const INDEX_PROPERTIES = ["globalSecondaryIndexes", "attributes"] as const;
/** Point-in-time recovery has its own API (UpdateContinuousBackups). */
export const PITR_PROPERTIES = ["pointInTimeRecovery"] as const;
