import { DescribeKeyCommand, type KMSClient, type KeyManagerType } from "@aws-sdk/client-kms";
import { LiveAccountError, describeAwsError, isAccessDenied } from "./live-account-error";

/** Who manages a KMS key, as KMS says, or that the caller may not ask. */
export type KeyManagerAnswer = KeyManagerType | "access-denied";

/**
 * Read-only kms:DescribeKey. `KeyMetadata.KeyManager` is "AWS" for an AWS managed key and
 * "CUSTOMER" for a customer managed key (@aws-sdk/client-kms `KeyMetadata`; for DynamoDB the only
 * AWS managed key is `alias/aws/dynamodb`: DynamoDB Developer Guide, "Managing encrypted tables in
 * DynamoDB"). The permission is granted by the key policy and the caller's IAM policy together
 * (DescribeKeyCommand, "Required permissions: kms:DescribeKey (key policy)"), so a denial is an
 * answer the caller decides about, not an error. Any other failure is a one-line LiveAccountError.
 */
export async function describeKeyManager(kms: KMSClient, keyArn: string): Promise<KeyManagerAnswer> {
  const call = `DescribeKey ${keyArn}`;
  let manager: string | undefined;
  try {
    manager = (await kms.send(new DescribeKeyCommand({ KeyId: keyArn }))).KeyMetadata?.KeyManager;
  } catch (error) {
    if (isAccessDenied(error)) return "access-denied";
    throw describeAwsError(error, call);
  }
  if (manager !== "AWS" && manager !== "CUSTOMER") {
    throw new LiveAccountError(`${call}: the response names no KeyManager (AWS or CUSTOMER); got ${String(manager)}`);
  }
  return manager;
}
