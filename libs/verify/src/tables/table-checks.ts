import type { KeySchemaElement, AttributeDefinition, GlobalSecondaryIndexDescription } from "@aws-sdk/client-dynamodb";
import type { LiveTableState } from "@dynamodb-platform/live-account";
import type { MandatoryTags } from "@dynamodb-platform/tags";
import type { GlobalIndexSpec, KeyAttribute, TableSpec } from "@dynamodb-platform/table-specs";
import { compare, type Check } from "../check";

const keyText = (hash: KeyAttribute, range?: KeyAttribute) => `HASH ${hash.name} ${hash.type}${range ? `, RANGE ${range.name} ${range.type}` : ""}`;

function liveKeyText(schema: readonly KeySchemaElement[] | undefined, attributes: readonly AttributeDefinition[] | undefined): string {
  const typeOf = (name: string | undefined) => attributes?.find((a) => a.AttributeName === name)?.AttributeType ?? "?";
  return (schema ?? []).map((key) => `${key.KeyType} ${key.AttributeName} ${typeOf(key.AttributeName)}`).join(", ");
}

const indexText = (index: GlobalIndexSpec) => `${keyText(index.hashKey, index.rangeKey)}; projection ${index.projection}`;

function liveIndexText(index: GlobalSecondaryIndexDescription, attributes: readonly AttributeDefinition[] | undefined): string {
  return `${liveKeyText(index.KeySchema, attributes)}; projection ${index.Projection?.ProjectionType ?? "?"}`;
}

/**
 * The table's live settings against its spec, one check per property (encryption is judged
 * across all tables, see encryption.ts).
 */
export function tableChecks(spec: TableSpec, name: string, live: LiveTableState, tags: MandatoryTags): Check[] {
  const { table } = live;
  const check = (what: string, expected: string, actual: string | undefined) => compare("tables", name, what, expected, actual);
  const pitr = live.continuousBackups?.PointInTimeRecoveryDescription;
  const pitrActual =
    pitr?.PointInTimeRecoveryStatus === "ENABLED"
      ? // RecoveryPeriodInDays is absent on tables enabled before it existed: AWS's default is 35.
        `ENABLED, ${pitr.RecoveryPeriodInDays ?? 35} days`
      : (pitr?.PointInTimeRecoveryStatus ?? "DISABLED");
  const insights = live.contributorInsights;
  const liveIndexes = table.GlobalSecondaryIndexes ?? [];
  const specIndexes = spec.globalSecondaryIndexes ?? [];
  return [
    check("key schema", keyText(spec.hashKey, spec.rangeKey), liveKeyText(table.KeySchema, table.AttributeDefinitions)),
    // A table that was never on demand reports no BillingModeSummary: it is provisioned.
    check("billing mode", "PAY_PER_REQUEST", table.BillingModeSummary?.BillingMode ?? "PROVISIONED"),
    check(
      "stream",
      spec.stream ? `enabled, ${spec.stream}` : "disabled",
      table.StreamSpecification?.StreamEnabled ? `enabled, ${table.StreamSpecification.StreamViewType}` : "disabled",
    ),
    check("point-in-time recovery", spec.pointInTimeRecoveryDays ? `ENABLED, ${spec.pointInTimeRecoveryDays} days` : "DISABLED", pitrActual),
    check(
      "global secondary indexes",
      specIndexes.map((index) => index.name).join(", ") || "(none)",
      liveIndexes.map((index) => index.IndexName).join(", ") || "(none)",
    ),
    ...specIndexes.flatMap((index) => {
      const found = liveIndexes.find((candidate) => candidate.IndexName === index.name);
      return found ? [check(`index ${index.name}`, indexText(index), liveIndexText(found, table.AttributeDefinitions))] : [];
    }),
    check(
      "contributor insights",
      spec.contributorInsights ? `ENABLED, ${spec.contributorInsights}` : "DISABLED",
      [insights.ContributorInsightsStatus ?? "DISABLED", insights.ContributorInsightsMode].filter(Boolean).join(", "),
    ),
    check("time to live", "DISABLED", live.timeToLive?.TimeToLiveStatus ?? "DISABLED"),
    ...Object.entries(tags).map(([key, value]) => check(`tag ${key}`, value, live.tags[key])),
  ];
}
