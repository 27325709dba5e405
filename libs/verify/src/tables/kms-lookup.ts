import { DescribeKeyCommand, KMSClient } from "@aws-sdk/client-kms";
import { awsCall, awsClientConfig } from "@dynamodb-platform/live-account";
import type { KeyManagerLookup } from "./encryption";

/**
 * kms:DescribeKey: KeyMetadata.KeyManager is "AWS" for an AWS managed key (aws/dynamodb) and
 * "CUSTOMER" for a customer managed key. An identity without kms:DescribeKey gets `undefined`
 * (access denied is not an error here), and the encryption check falls back to its heuristic.
 */
export function kmsKeyManagerLookup(region: string, kms = new KMSClient(awsClientConfig(region))): KeyManagerLookup {
  return async (keyArn) => {
    const output = await awsCall(`DescribeKey ${keyArn}`, () => kms.send(new DescribeKeyCommand({ KeyId: keyArn }))).catch((error: Error) => {
      if (/access denied/.test(error.message)) return undefined;
      throw error;
    });
    const manager = output?.KeyMetadata?.KeyManager;
    return manager === "AWS" || manager === "CUSTOMER" ? manager : undefined;
  };
}
