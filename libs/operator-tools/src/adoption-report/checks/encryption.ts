import { isOnKmsKey } from "../../live-account";
import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

const SPEC = "AWS managed key (alias/aws/dynamodb): serverSideEncryption { enabled: true }, no kmsKeyArn";
const TOPIC = "encryption";

/**
 * No SSEDescription (or SSE disabled) means the AWS owned key; the spec's `enabled: true` moves the
 * table to the AWS managed key in place. A table on a KMS key keeps that key: the provider computes
 * `kmsKeyArn` (terraform-provider-aws, internal/service/dynamodb/table.go, which @pulumi/aws
 * bridges: `server_side_encryption.kms_key_arn` is Optional and Computed), so against
 * `{ enabled: true }` a customer managed key shows no difference and the import-then-update
 * (pulumi/pulumi#19339) leaves the table on it. DynamoDB does not say who manages the key; KMS
 * DescribeKey (KeyManager) does.
 * UpdateTable's SSESpecification without KMSMasterKeyId selects alias/aws/dynamodb (DynamoDB API
 * reference, SSESpecification: "only provide this parameter if the key is different from the
 * default DynamoDB key alias/aws/dynamodb").
 */
export function checkEncryption({ live }: CheckInput): Finding[] {
  const { table, kmsKeyManager } = live;
  if (!isOnKmsKey(table)) {
    return [
      {
        topic: TOPIC,
        live: "AWS owned key (no KMS key)",
        spec: SPEC,
        adoption: "switched to the AWS managed key in place; readers are unaffected, KMS request charges apply",
        verdict: "change",
      },
    ];
  }
  const key = table.SSEDescription?.KMSMasterKeyArn;
  if (!key) {
    return [
      {
        topic: TOPIC,
        live: "KMS key (DescribeTable names no key ARN)",
        spec: SPEC,
        adoption: "cannot tell whether the key is the AWS managed key or a customer managed one: run the report again",
        verdict: "stop",
      },
    ];
  }
  if (kmsKeyManager === "AWS") {
    return [{ topic: TOPIC, live: `AWS managed key ${key} (KMS KeyManager AWS)`, spec: SPEC, adoption: "unchanged", verdict: "ok" }];
  }
  if (kmsKeyManager === "CUSTOMER") {
    return [
      {
        topic: TOPIC,
        live: `customer managed key ${key} (KMS KeyManager CUSTOMER)`,
        spec: SPEC,
        adoption:
          `kept: kmsKeyArn is computed, so the preview shows no difference and the table stays on this key unseen. Move the table to the AWS managed key before adopting ('aws dynamodb update-table --table-name ${table.TableName ?? "<table>"} --sse-specification Enabled=true,SSEType=KMS'), or accept the key`,
        verdict: "data-loss",
        property: "serverSideEncryption",
        risk: "the table stays on a key the spec does not want: that key's policy, not the platform, decides who can read the table",
      },
    ];
  }
  const why = kmsKeyManager === "access-denied" ? `kms:DescribeKey on ${key} was denied` : `KMS was not asked about ${key}`;
  return [
    {
      topic: TOPIC,
      live: `KMS key ${key} (KMS KeyManager unknown)`,
      spec: SPEC,
      adoption: `${why}, so whether it is the AWS managed key or a customer managed key is unknown: allow kms:DescribeKey on that key to the identity running the report and run it again`,
      verdict: "stop",
    },
  ];
}
