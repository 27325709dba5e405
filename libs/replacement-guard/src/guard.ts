import { BILLING_PROPERTIES, STREAM_PROPERTIES, type DataLossProperty } from "@dynamodb-platform/platform";
import type { GuardContext } from "./guard-context";
import type { PreviewDocument, PreviewStep } from "./preview-document";
import { propertyLosses } from "./data-loss-changes";
import { destroysTable } from "./step-kinds";
import { changedPaths, newValues, oldValues, topLevel } from "./table-diff";
import { isTableStep, tableKey, typeAndName } from "./table-steps";
import { removedTags } from "./tag-removals";

/** One data-losing change of one table. */
export interface Finding {
  readonly table: string;
  readonly urn: string;
  readonly property: DataLossProperty;
  readonly change: string;
}

/** A table step the provider would send to DynamoDB as one UpdateTable call that DynamoDB rejects. */
export interface UpdateConflict {
  readonly table: string;
  readonly urn: string;
  readonly properties: readonly string[];
}

/** A key attribute whose type would change under an index that stays: nothing converges it in place. */
export interface KeyTypeChange {
  readonly table: string;
  readonly urn: string;
  readonly attribute: string;
  /** The live type; undefined when the preview shows no old state. */
  readonly from: string | undefined;
  readonly to: string;
}

export interface TagRemoval {
  readonly table: string;
  readonly urn: string;
  readonly tags: readonly string[];
}

export interface GuardResult {
  readonly stepsChecked: number;
  readonly refused: readonly Finding[];
  readonly accepted: readonly Finding[];
  readonly conflicts: readonly UpdateConflict[];
  readonly tagRemovals: readonly TagRemoval[];
  readonly keyTypeChanges: readonly KeyTypeChange[];
}

function forcingProperties(step: PreviewStep): string[] {
  const fromDiff = changedPaths(step)
    .filter((changed) => changed.kind.endsWith("-replace"))
    .map((changed) => changed.path);
  return [...new Set([...(step.replaceReasons ?? []), ...fromDiff])].sort();
}

/** The wording the deploy prints for a destroyed table (kept stable: operators and the pipeline read it). */
function describeDestruction(step: PreviewStep): string {
  const name = typeAndName(step.urn)[1];
  if (step.op === "delete") return `table '${name}' would be DELETED`;
  if (step.op === "discard") return `table '${name}' would be DISCARDED from the stack (no longer managed)`;
  const properties = forcingProperties(step);
  const because = properties.length > 0 ? `forced by ${properties.join(", ")}` : "no forcing property reported";
  return `table '${name}' would be REPLACED (step '${step.op}', ${because})`;
}

function conflict(step: PreviewStep): string[] {
  const properties = [...new Set(changedPaths(step).map((changed) => topLevel(changed.path)))];
  const billing = properties.filter((property) => (BILLING_PROPERTIES as readonly string[]).includes(property));
  const stream = properties.filter((property) => (STREAM_PROPERTIES as readonly string[]).includes(property));
  return billing.length > 0 && stream.length > 0 ? [...billing, ...stream] : [];
}

type Attributes = Map<string, string>;
function attributeTypes(values: Readonly<Record<string, unknown>> | undefined): Attributes | undefined {
  if (values === undefined) return undefined;
  const list = Array.isArray(values["attributes"]) ? (values["attributes"] as { name?: unknown; type?: unknown }[]) : [];
  return new Map(list.map((attribute) => [String(attribute.name), String(attribute.type)]));
}

/**
 * An attribute definition whose type changes. Every attribute definition is a key of the table or
 * of an index; a table key change is a replacement (refused above), and an index keeps its key names,
 * so the provider, which rebuilds an index only when its keys or projection differ, sends nothing
 * that could change it (the adoption report says the same of the live table).
 */
function keyTypeChanges(step: PreviewStep): { attribute: string; from: string | undefined; to: string }[] {
  const after = attributeTypes(newValues(step)) ?? new Map<string, string>();
  const before = attributeTypes(oldValues(step));
  if (before !== undefined) {
    return [...after].filter(([name, type]) => before.has(name) && before.get(name) !== type).map(([name, type]) => ({ attribute: name, from: before.get(name), to: type }));
  }
  const listed = [...after.keys()];
  return changedPaths(step)
    .map((changed) => /^attributes\[(\d+)\]\.type$/.exec(changed.path))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => listed[Number(match[1])])
    .filter((name): name is string => name !== undefined)
    .map((name) => ({ attribute: name, from: undefined, to: after.get(name) ?? "?" }));
}

/** Checks every table step of a preview against the stack's acknowledgements. */
export function checkPreview(document: PreviewDocument, context: GuardContext): GuardResult {
  const findings: Finding[] = [];
  const conflicts: UpdateConflict[] = [];
  const tagRemovals: TagRemoval[] = [];
  const typeChanges: KeyTypeChange[] = [];
  const steps = document.steps ?? [];
  for (const step of steps.filter(isTableStep)) {
    const table = tableKey(typeAndName(step.urn)[1], context.environmentSuffix);
    if (destroysTable(step.op)) {
      findings.push({ table, urn: step.urn, property: "table", change: describeDestruction(step) });
      continue;
    }
    for (const loss of propertyLosses(step)) findings.push({ table, urn: step.urn, ...loss });
    const properties = conflict(step);
    if (properties.length > 0) conflicts.push({ table, urn: step.urn, properties });
    for (const change of keyTypeChanges(step)) typeChanges.push({ table, urn: step.urn, ...change });
    const tags = removedTags(step);
    if (tags.length > 0) tagRemovals.push({ table, urn: step.urn, tags });
  }
  const isAccepted = (finding: Finding) => (context.accepted[finding.table] ?? []).includes(finding.property);
  return {
    stepsChecked: steps.length,
    refused: findings.filter((finding) => !isAccepted(finding)),
    accepted: findings.filter(isAccepted),
    conflicts,
    tagRemovals,
    keyTypeChanges: typeChanges,
  };
}

export function passes(result: GuardResult): boolean {
  return result.refused.length === 0 && result.conflicts.length === 0 && result.keyTypeChanges.length === 0;
}
