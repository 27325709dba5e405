import type { AttributeDefinition, GlobalSecondaryIndexDescription } from "@aws-sdk/client-dynamodb";
import type { GlobalIndexSpec } from "@dynamodb-platform/platform";
import type { Finding } from "../finding";
import { backfillEstimate } from "./backfill-estimate";
import type { CheckInput } from "./check-input";

/** Key names and projection: what the provider compares to decide that an index is rebuilt. */
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

/** The key attributes' types, `userId S, timestamp N`: the table's attribute definitions, not the index's. */
function specTypes(index: GlobalIndexSpec): string {
  return [index.hashKey, ...(index.rangeKey ? [index.rangeKey] : [])].map((key) => `${key.name} ${key.type}`).join(", ");
}

function liveTypes(index: GlobalSecondaryIndexDescription, attributes: readonly AttributeDefinition[]): string {
  const types = new Map(attributes.map((attribute) => [attribute.AttributeName, attribute.AttributeType]));
  return (index.KeySchema ?? []).map((key) => `${key.AttributeName} ${types.get(key.AttributeName) ?? "?"}`).join(", ");
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
  const attributes = live.table.AttributeDefinitions ?? [];
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
    } else if (liveTypes(index, attributes) !== specTypes(wanted)) {
      // The provider rebuilds an index only when its key names or projection differ; the attribute
      // definitions are sent with an index's creation, so a key's type alone is never changed.
      findings.push({
        topic: `GSI ${name}`,
        live: `${liveShape(index)}; key types ${liveTypes(index, attributes)}`,
        spec: `${specShape(wanted)}; key types ${specTypes(wanted)}`,
        adoption:
          "no update changes an index key's type, and the guard refuses the preview: rebuild the index with the spec's types " +
          "(take it out of the spec, deploy, put it back) or make the spec match the live type",
        verdict: "stop",
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
