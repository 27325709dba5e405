import type * as aws from "@pulumi/aws";
import { attributeDefinitions, type GlobalIndexSpec, type TableSpec } from "@dynamodb-platform/platform";

function globalIndexArgs(index: GlobalIndexSpec): aws.types.input.dynamodb.TableGlobalSecondaryIndex {
  return {
    name: index.name,
    keySchemas: [
      { attributeName: index.hashKey.name, keyType: "HASH" },
      ...(index.rangeKey ? [{ attributeName: index.rangeKey.name, keyType: "RANGE" }] : []),
    ],
    projectionType: index.projection,
  };
}

/**
 * The table as AWS will receive it. Every setting is explicit, so adopting an existing table
 * converges it (on-demand, AWS managed key, PITR/streams exactly as specified) in place.
 */
export function tableArgs(spec: TableSpec, physicalName: string): aws.dynamodb.TableArgs {
  const indexes = spec.globalSecondaryIndexes ?? [];
  return {
    name: physicalName,
    // On-demand: no readCapacity/writeCapacity on the table or any index.
    billingMode: "PAY_PER_REQUEST",
    hashKey: spec.hashKey.name,
    rangeKey: spec.rangeKey?.name,
    attributes: attributeDefinitions(spec),
    globalSecondaryIndexes: indexes.length > 0 ? indexes.map(globalIndexArgs) : undefined,
    // enabled without kmsKeyArn selects the AWS managed key alias/aws/dynamodb.
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: false,
    // A new view type on an enabled stream is applied by disabling and re-enabling it: a new
    // stream ARN (docs/decisions/tables-adopted-in-place.md, "Why four adoption deploys").
    streamEnabled: spec.stream !== undefined,
    streamViewType: spec.stream,
    pointInTimeRecovery:
      spec.pointInTimeRecoveryDays === undefined
        ? { enabled: false }
        : { enabled: true, recoveryPeriodInDays: spec.pointInTimeRecoveryDays },
  };
}
