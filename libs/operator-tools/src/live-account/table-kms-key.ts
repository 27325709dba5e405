import type { TableDescription } from "@aws-sdk/client-dynamodb";

/**
 * Whether the table is encrypted with a KMS key (AWS managed or customer managed) rather than the
 * AWS owned key: DescribeTable returns an SSEDescription of type KMS only for those (no
 * SSEDescription, or SSE disabled, means the AWS owned key).
 */
export function isOnKmsKey(table: TableDescription): boolean {
  const sse = table.SSEDescription;
  return sse?.SSEType === "KMS" && (sse.Status === "ENABLED" || sse.Status === "UPDATING" || sse.Status === "ENABLING");
}

/** The table's KMS key ARN, when it is on a KMS key and DynamoDB names the key. */
export function tableKmsKeyArn(table: TableDescription): string | undefined {
  return isOnKmsKey(table) ? table.SSEDescription?.KMSMasterKeyArn : undefined;
}
