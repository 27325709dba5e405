import type { GlobalSecondaryIndexDescription } from "@aws-sdk/client-dynamodb";
import type { GlobalIndexSpec } from "@dynamodb-platform/table-specs";
import type { Finding } from "../finding";
import { backfillEstimate } from "./backfill-estimate";
import type { CheckInput } from "./check-input";

function specShape(index: GlobalIndexSpec): string {
  const keys = [`${index.hashKey.name} HASH`, ...(index.rangeKey ? [`${index.rangeKey.name} RANGE`] : [])];
  return `${keys.join(" + ")}, projection ${index.projection}`;
}

function liveShape(index: GlobalSecondaryIndexDescription): string {
  const keys = (index.KeySchema ?? []).map((key) => `${key.AttributeName} ${key.KeyType}`);
  const projection = index.Projection?.ProjectionType ?? "?";
  const included = index.Projection?.NonKeyAttributes?.length ? ` (${index.Projection.NonKeyAttributes.join(", ")})` : "";
  return `${keys.join(" + ")}, projection ${projection}${included}`;
}

function liveSize(index: GlobalSecondaryIndexDescription): string {
  return `${index.ItemCount ?? 0} items, ${index.IndexSizeBytes ?? 0} bytes`;
}

/**
 * Adoption converges the table's GSIs to the spec: a live index the spec lacks is deleted, one the
 * spec adds is built (backfilled from every item), and one whose keys or projection differ is
 * deleted and built again under the same name (the provider cannot change an index in place).
 */
export function checkIndexes({ spec, live }: CheckInput): Finding[] {
  const liveIndexes = new Map((live.table.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName ?? "", index]));
  const specIndexes = new Map((spec.globalSecondaryIndexes ?? []).map((index) => [index.name, index]));
  const findings: Finding[] = [];
  for (const [name, index] of liveIndexes) {
    const wanted = specIndexes.get(name);
    if (!wanted) {
      findings.push({
        topic: `GSI ${name}`,
        live: `${liveShape(index)}; ${liveSize(index)}`,
        spec: "(not in the spec)",
        adoption: "deleted",
        verdict: "data-loss",
        property: "globalSecondaryIndexes",
      });
    } else if (liveShape(index) !== specShape(wanted)) {
      findings.push({
        topic: `GSI ${name}`,
        live: liveShape(index),
        spec: specShape(wanted),
        adoption: `deleted and built again with the spec's keys; queries on it fail until the build ends (${backfillEstimate(live.table, wanted)})`,
        verdict: "data-loss",
        property: "globalSecondaryIndexes",
      });
    } else {
      findings.push({ topic: `GSI ${name}`, live: liveShape(index), spec: specShape(wanted), adoption: "unchanged", verdict: "ok" });
    }
  }
  for (const [name, index] of specIndexes) {
    if (liveIndexes.has(name)) continue;
    findings.push({
      topic: `GSI ${name}`,
      live: "(absent)",
      spec: specShape(index),
      adoption: `built; the table stays usable meanwhile (${backfillEstimate(live.table, index)})`,
      verdict: "change",
    });
  }
  return findings;
}
