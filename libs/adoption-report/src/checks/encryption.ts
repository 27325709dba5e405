import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

const SPEC = "AWS managed key (alias/aws/dynamodb): serverSideEncryption { enabled: true }, no kmsKeyArn";

/**
 * No SSEDescription (or SSE disabled) means the AWS owned key; the spec's `enabled: true`
 * moves the table to the AWS managed key in place. A table on a KMS key keeps that key: the
 * provider's `kmsKeyArn` is optional and computed, so the program's missing ARN shows no
 * difference and no preview reveals a customer managed key. DynamoDB does not say whether a
 * KMS key is AWS managed or customer managed; KMS DescribeKey (KeyManager) does.
 */
export function checkEncryption({ live }: CheckInput): Finding[] {
  const sse = live.table.SSEDescription;
  const onKms = sse?.SSEType === "KMS" && (sse.Status === "ENABLED" || sse.Status === "UPDATING" || sse.Status === "ENABLING");
  if (!onKms) {
    return [
      {
        topic: "encryption",
        live: "AWS owned key (no KMS key)",
        spec: SPEC,
        adoption: "switched to the AWS managed key in place; readers are unaffected, KMS request charges apply",
        verdict: "change",
      },
    ];
  }
  const key = sse.KMSMasterKeyArn ?? "(key ARN not returned)";
  return [
    {
      topic: "encryption",
      live: `KMS key ${key}`,
      spec: SPEC,
      adoption:
        "kept as it is, and the preview shows no difference (kmsKeyArn is computed). If this is a customer managed key, the table stays on it unseen: " +
        `check with 'aws kms describe-key --key-id ${key} --query KeyMetadata.KeyManager' (AWS = the spec's key, CUSTOMER = not the spec's key)`,
      verdict: "attention",
    },
  ];
}
