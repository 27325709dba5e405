import { awsCall, awsClientConfig } from "@dynamodb-platform/live-account";
import type { KeyManager, KeyManagerLookup } from "./encryption";

/** The part of @aws-sdk/client-kms verify uses (the package is optional: not a dependency yet). */
interface KmsModule {
  readonly KMSClient: new (config: object) => { send(command: object): Promise<{ KeyMetadata?: { KeyManager?: string } }> };
  readonly DescribeKeyCommand: new (input: { KeyId: string }) => object;
}

const KMS_CLIENT = "@aws-sdk/client-kms";

/**
 * kms:DescribeKey through @aws-sdk/client-kms when it is installed; otherwise a lookup that
 * knows nothing, so the encryption check falls back to its documented heuristic.
 */
export async function kmsKeyManagerLookup(region: string): Promise<KeyManagerLookup> {
  let kms: KmsModule;
  try {
    kms = (await import(KMS_CLIENT)) as KmsModule;
  } catch {
    return () => Promise.resolve(undefined);
  }
  const client = new kms.KMSClient(awsClientConfig(region));
  return async (keyArn) => {
    const output = await awsCall(`DescribeKey ${keyArn}`, () => client.send(new kms.DescribeKeyCommand({ KeyId: keyArn })));
    const manager = output.KeyMetadata?.KeyManager;
    return manager === "AWS" || manager === "CUSTOMER" ? (manager satisfies KeyManager) : undefined;
  };
}
