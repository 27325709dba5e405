/**
 * The one naming rule of the repository: `{resource-type}-{tableName}-{environmentSuffix}`,
 * e.g. `systemerrors-events-dev`. Callers pass validated parts; the rule only joins them.
 */
export function resourceName(resourceType: string, tableName: string, environmentSuffix: string): string {
  return [resourceType, tableName, environmentSuffix].join("-");
}
