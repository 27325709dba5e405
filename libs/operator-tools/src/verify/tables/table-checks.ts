import type { KeySchemaElement, AttributeDefinition, GlobalSecondaryIndexDescription } from "@aws-sdk/client-dynamodb";
import { DEFAULT_RECOVERY_PERIOD_DAYS, liveRecoveryPeriodDays, type LiveTableState } from "../../live-account";
import type { DeclaredTable } from "@dynamodb-platform/offline-plan";
import type { GlobalIndexSpec, KeyAttribute } from "@dynamodb-platform/platform";
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
 * The table's live settings against what the data stack declares for it, one check per property
 * (encryption is judged across all tables, see encryption.ts).
 */
export function tableChecks(spec: DeclaredTable, live: LiveTableState): Check[] {
  const { table } = live;
  const name = spec.physicalName;
  const check = (what: string, expected: string, actual: string | undefined) => compare("tables", name, what, expected, actual);
  const pitr = live.continuousBackups?.PointInTimeRecoveryDescription;
  const liveDays = liveRecoveryPeriodDays(pitr);
  const pitrActual = liveDays !== undefined ? `ENABLED, ${liveDays} days` : (pitr?.PointInTimeRecoveryStatus ?? "DISABLED");
  // Enabled without a period: the provider sends none and AWS applies its default (live-account).
  const declaredDays = spec.pointInTimeRecovery && (spec.pointInTimeRecovery.recoveryPeriodInDays ?? DEFAULT_RECOVERY_PERIOD_DAYS);
  const insights = live.contributorInsights;
  const liveIndexes = table.GlobalSecondaryIndexes ?? [];
  const specIndexes = spec.globalSecondaryIndexes;
  return [
    check("key schema", keyText(spec.hashKey, spec.rangeKey), liveKeyText(table.KeySchema, table.AttributeDefinitions)),
    // A table that was never on demand reports no BillingModeSummary: it is provisioned.
    check("billing mode", spec.billingMode, table.BillingModeSummary?.BillingMode ?? "PROVISIONED"),
    check(
      "stream",
      spec.stream ? `enabled, ${spec.stream}` : "disabled",
      table.StreamSpecification?.StreamEnabled ? `enabled, ${table.StreamSpecification.StreamViewType}` : "disabled",
    ),
    check("point-in-time recovery", declaredDays ? `ENABLED, ${declaredDays} days` : "DISABLED", pitrActual),
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
    check(
      "time to live",
      spec.timeToLiveAttribute ? `ENABLED, ${spec.timeToLiveAttribute}` : "DISABLED",
      [live.timeToLive?.TimeToLiveStatus ?? "DISABLED", live.timeToLive?.TimeToLiveStatus === "ENABLED" ? live.timeToLive.AttributeName : undefined].filter(Boolean).join(", "),
    ),
    ...Object.entries(spec.tags).map(([key, value]) => check(`tag ${key}`, value, live.tags[key])),
  ];
}
