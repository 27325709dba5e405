import type { PreviewStep } from "./preview-document";

const DYNAMODB_TABLE = "aws:dynamodb/table:Table";

/** `urn:pulumi:stack::project::parent$type::name` → [type, name]. */
export function typeAndName(urn: string): [string, string] {
  const parts = urn.split("::");
  const name = parts.slice(3).join("::");
  const qualifiedType = parts[2] ?? "";
  return [qualifiedType.split("$").pop() ?? qualifiedType, name];
}

export function stepType(step: PreviewStep): string {
  return step.newState?.type ?? step.oldState?.type ?? typeAndName(step.urn)[0];
}

export function isTableStep(step: PreviewStep): boolean {
  return stepType(step) === DYNAMODB_TABLE;
}

/** The table's logical key from its resource name `table-{key}-{environmentSuffix}` (the platform's naming rule). */
export function tableKey(resourceName: string, environmentSuffix: string): string {
  const prefix = "table-";
  const suffix = `-${environmentSuffix}`;
  return resourceName.startsWith(prefix) && resourceName.endsWith(suffix)
    ? resourceName.slice(prefix.length, resourceName.length - suffix.length)
    : resourceName;
}
