import type { KeyAttribute, TableSpec } from "./table-spec";

class TableSpecError extends Error {
  constructor(table: string, problem: string) {
    super(`Table spec '${table}': ${problem}`);
    this.name = "TableSpecError";
  }
}

const TABLE_KEY = /^[a-z][a-z0-9-]{2,63}$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,255}$/;
const INDEX_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

function keyAttributes(spec: TableSpec): KeyAttribute[] {
  const indexKeys = (spec.globalSecondaryIndexes ?? []).flatMap((index) =>
    index.rangeKey ? [index.hashKey, index.rangeKey] : [index.hashKey],
  );
  return [spec.hashKey, ...(spec.rangeKey ? [spec.rangeKey] : []), ...indexKeys];
}

/**
 * The attribute definitions DynamoDB wants: exactly the attributes used by the table's or an
 * index's key, each once (it rejects definitions no key uses).
 */
export function attributeDefinitions(spec: TableSpec): KeyAttribute[] {
  const byName = new Map<string, KeyAttribute>();
  for (const attribute of keyAttributes(spec)) {
    const seen = byName.get(attribute.name);
    if (seen && seen.type !== attribute.type) {
      throw new TableSpecError(
        spec.key,
        `attribute '${attribute.name}' is used as both ${seen.type} and ${attribute.type}; a key attribute has one type`,
      );
    }
    byName.set(attribute.name, attribute);
  }
  return [...byName.values()];
}

/** Rejects specs DynamoDB would reject, before any resource is registered. */
export function validateTableSpecs(specs: readonly TableSpec[]): void {
  if (specs.length === 0) {
    throw new TableSpecError("(none)", "no tables were given");
  }
  const seenKeys = new Set<string>();
  for (const spec of specs) {
    if (!TABLE_KEY.test(spec.key)) {
      throw new TableSpecError(spec.key, "the key must be 3-64 lowercase letters, digits or hyphens, starting with a letter");
    }
    if (seenKeys.has(spec.key)) {
      throw new TableSpecError(spec.key, "the key is used by two tables");
    }
    seenKeys.add(spec.key);
    for (const attribute of keyAttributes(spec)) {
      if (!ATTRIBUTE_NAME.test(attribute.name)) {
        throw new TableSpecError(spec.key, `attribute name '${attribute.name}' is not allowed`);
      }
    }
    const indexNames = (spec.globalSecondaryIndexes ?? []).map((index) => index.name);
    for (const name of indexNames) {
      if (!INDEX_NAME.test(name)) {
        throw new TableSpecError(spec.key, `index name '${name}' must be 3-255 letters, digits, _ . or -`);
      }
    }
    if (new Set(indexNames).size !== indexNames.length) {
      throw new TableSpecError(spec.key, "two global secondary indexes share a name");
    }
    const days = spec.pointInTimeRecoveryDays;
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 35)) {
      throw new TableSpecError(spec.key, `pointInTimeRecoveryDays ${days} is outside 1..35`);
    }
    attributeDefinitions(spec);
  }
}
