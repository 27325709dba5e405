import type { SSEDescription } from "@aws-sdk/client-dynamodb";
import type { KeyManagerAnswer } from "../../live-account";
import type { Check } from "../check";

/** One live table's SSE, and who manages its key as kms:DescribeKey answered. */
export interface EncryptedTable {
  readonly name: string;
  readonly arn: string;
  readonly sse: SSEDescription | undefined;
  readonly keyManager: KeyManagerAnswer | undefined;
}

const EXPECTED = "SSEType KMS with the AWS managed key alias/aws/dynamodb";

/**
 * The tables' encryption against the spec (AWS managed key). With `enabled: true` and no key,
 * DynamoDB reports SSEDescription { Status ENABLED, SSEType KMS, KMSMasterKeyArn: the account's
 * aws/dynamodb key }; a table on the AWS owned key has no SSEDescription at all
 * (terraform-provider-aws #11081; floci-io/floci #1191 on DescribeTable's shape).
 *
 * The key ARN alone does not say who manages the key. kms:DescribeKey does (KeyManager: "AWS" for
 * aws/dynamodb, "CUSTOMER" for a customer managed key); the shared table reader asks it. When it
 * is denied, the only read-only evidence is a heuristic: the AWS managed key is one per account and region, shared by every table that uses it, so each table's
 * key must be in the table's account and region and all tables must share it. That catches a
 * table moved to its own key, but not all tables moved to one customer key: such results are
 * `unverified`, never `pass`.
 */
export function encryptionChecks(
  tables: readonly EncryptedTable[],
): Check[] {
  const keys = new Set(tables.map((table) => table.sse?.KMSMasterKeyArn).filter((key): key is string => key !== undefined));
  return tables.map(({ name, arn, sse, keyManager: manager }) => {
    const result = (status: Check["status"], actual: string): Check => ({ area: "tables", subject: name, check: "encryption", expected: EXPECTED, actual, status });
    if (!sse) return result("fail", "no SSEDescription: the AWS owned key");
    if (sse.Status !== "ENABLED" || sse.SSEType !== "KMS" || !sse.KMSMasterKeyArn) {
      return result("fail", `Status ${sse.Status ?? "-"}, SSEType ${sse.SSEType ?? "-"}, key ${sse.KMSMasterKeyArn ?? "-"}`);
    }
    const key = sse.KMSMasterKeyArn;
    if (manager === "AWS") return result("pass", `SSEType KMS, AWS managed key ${key}`);
    if (manager === "CUSTOMER") return result("fail", `SSEType KMS, customer managed key ${key}`);
    const [, , , region, account] = arn.split(":");
    if (!key.startsWith(`arn:aws:kms:${region}:${account}:key/`)) return result("fail", `SSEType KMS, key of another account or region ${key}`);
    if (keys.size > 1) return result("fail", `SSEType KMS, key ${key}, but the tables use ${keys.size} different keys: at most one is aws/dynamodb`);
    return result("unverified", `SSEType KMS, key ${key} shared by every table (kms:DescribeKey ${manager === "access-denied" ? "denied" : "not asked"}: AWS managed and customer managed cannot be told apart)`);
  });
}
