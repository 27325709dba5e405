import type { SSEDescription } from "@aws-sdk/client-dynamodb";
import type { Check } from "../check";

/**
 * Who manages a KMS key: kms:DescribeKey's KeyMetadata.KeyManager ("AWS" for aws/dynamodb,
 * "CUSTOMER" for a customer managed key). `undefined`: it could not be asked.
 */
export type KeyManager = "AWS" | "CUSTOMER";
export type KeyManagerLookup = (keyArn: string) => Promise<KeyManager | undefined>;

const EXPECTED = "SSEType KMS with the AWS managed key alias/aws/dynamodb";

/**
 * The tables' encryption against the spec (AWS managed key). With `enabled: true` and no key,
 * DynamoDB reports SSEDescription { Status ENABLED, SSEType KMS, KMSMasterKeyArn: the account's
 * aws/dynamodb key }; a table on the AWS owned key has no SSEDescription at all
 * (terraform-provider-aws #11081; floci-io/floci #1191 on DescribeTable's shape).
 *
 * The key ARN alone does not say who manages the key. kms:DescribeKey does (KeyManager), and is
 * used when a lookup is given. Without it the only read-only evidence is a heuristic: the AWS
 * managed key is one per account and region, shared by every table that uses it, so each table's
 * key must be in the table's account and region and all tables must share it. That catches a
 * table moved to its own key, but not all tables moved to one customer key: such results are
 * `unverified`, never `pass`.
 */
export function encryptionChecks(
  tables: readonly { readonly name: string; readonly arn: string; readonly sse: SSEDescription | undefined }[],
  managers: ReadonlyMap<string, KeyManager | undefined>,
): Check[] {
  const keys = new Set(tables.map((table) => table.sse?.KMSMasterKeyArn).filter((key): key is string => key !== undefined));
  return tables.map(({ name, arn, sse }) => {
    const result = (status: Check["status"], actual: string): Check => ({ area: "tables", subject: name, check: "encryption", expected: EXPECTED, actual, status });
    if (!sse) return result("fail", "no SSEDescription: the AWS owned key");
    if (sse.Status !== "ENABLED" || sse.SSEType !== "KMS" || !sse.KMSMasterKeyArn) {
      return result("fail", `Status ${sse.Status ?? "-"}, SSEType ${sse.SSEType ?? "-"}, key ${sse.KMSMasterKeyArn ?? "-"}`);
    }
    const key = sse.KMSMasterKeyArn;
    const manager = managers.get(key);
    if (manager === "AWS") return result("pass", `SSEType KMS, AWS managed key ${key}`);
    if (manager === "CUSTOMER") return result("fail", `SSEType KMS, customer managed key ${key}`);
    const [, , , region, account] = arn.split(":");
    if (!key.startsWith(`arn:aws:kms:${region}:${account}:key/`)) return result("fail", `SSEType KMS, key of another account or region ${key}`);
    if (keys.size > 1) return result("fail", `SSEType KMS, key ${key}, but the tables use ${keys.size} different keys: at most one is aws/dynamodb`);
    return result("unverified", `SSEType KMS, key ${key} shared by every table (kms:DescribeKey not available to tell AWS managed from customer managed)`);
  });
}
