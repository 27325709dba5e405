import type { PreviewDocument, PreviewStep } from "./preview-document";

export const DYNAMODB_TABLE = "aws:dynamodb/table:Table";

/** Engine step kinds that tear a resource down: each loses a table's data. */
const DESTRUCTIVE_OPS = new Set([
  "replace",
  "create-replacement",
  "delete-replaced",
  "import-replacement",
  "read-replacement",
  "discard-replaced",
  "delete",
]);

export interface TableReplacement {
  readonly urn: string;
  readonly name: string;
  readonly op: string;
  /** The properties that force the replacement (empty for a plain delete). */
  readonly properties: readonly string[];
}

/** `urn:pulumi:stack::project::parent$type::name` → [type, name]. */
function typeAndName(urn: string): [string, string] {
  const parts = urn.split("::");
  const name = parts.slice(3).join("::");
  const qualifiedType = parts[2] ?? "";
  return [qualifiedType.split("$").pop() ?? qualifiedType, name];
}

function stepType(step: PreviewStep): string {
  return step.newState?.type ?? step.oldState?.type ?? typeAndName(step.urn)[0];
}

function forcingProperties(step: PreviewStep): string[] {
  const fromDiff = Object.entries(step.detailedDiff ?? {})
    .filter(([, diff]) => diff.kind.endsWith("-replace"))
    .map(([path]) => path);
  return [...new Set([...(step.replaceReasons ?? []), ...fromDiff])].sort();
}

/** Every step of the preview that would replace or delete a DynamoDB table. */
export function findTableReplacements(document: PreviewDocument): TableReplacement[] {
  return (document.steps ?? [])
    .filter((step) => DESTRUCTIVE_OPS.has(step.op) && stepType(step) === DYNAMODB_TABLE)
    .map((step) => ({ urn: step.urn, name: typeAndName(step.urn)[1], op: step.op, properties: forcingProperties(step) }));
}

export function describeReplacement(replacement: TableReplacement): string {
  if (replacement.op === "delete") {
    return `table '${replacement.name}' would be DELETED (${replacement.urn})`;
  }
  const because = replacement.properties.length > 0 ? `forced by ${replacement.properties.join(", ")}` : "no forcing property reported";
  return `table '${replacement.name}' would be REPLACED (step '${replacement.op}', ${because}) (${replacement.urn})`;
}
