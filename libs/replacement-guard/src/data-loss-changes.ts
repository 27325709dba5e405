import type { DataLossProperty } from "@dynamodb-platform/platform";
import type { PreviewStep } from "./preview-document";
import { block, changedPaths, newValues, oldValues, under, type ChangedPath } from "./table-diff";

/** One change of a table step that loses data or breaks readers. */
export interface PropertyLoss {
  readonly property: DataLossProperty;
  /** What would happen, in the operator's words. */
  readonly change: string;
}

function indexNames(values: Readonly<Record<string, unknown>> | undefined): string[] | undefined {
  const indexes = values?.["globalSecondaryIndexes"];
  if (values === undefined) return undefined;
  return Array.isArray(indexes) ? indexes.map((index) => String((index as { name?: unknown }).name)) : [];
}

function deletedIndexes(step: PreviewStep, paths: readonly ChangedPath[]): PropertyLoss[] {
  const changes = under(paths, "globalSecondaryIndexes").filter(
    // Capacity updates come with a billing switch; they drop nothing.
    (changed) => !/\.(readCapacity|writeCapacity)$/.test(changed.path) && !changed.kind.startsWith("add"),
  );
  if (changes.length === 0) return [];
  const before = indexNames(oldValues(step));
  const after = indexNames(newValues(step)) ?? [];
  if (before !== undefined) {
    return before
      .filter((name) => !after.includes(name))
      .map((name) => ({ property: "globalSecondaryIndexes" as const, change: `index '${name}' would be deleted` }));
  }
  // No old state (an import): the provider deletes and re-creates an index whose definition changes.
  return changes.map((changed) => ({
    property: "globalSecondaryIndexes" as const,
    change: `an index would be deleted or re-created (${changed.path}: ${changed.kind})`,
  }));
}

function streamChanges(step: PreviewStep, paths: readonly ChangedPath[]): PropertyLoss[] {
  const enabledChanges = under(paths, "streamEnabled").length > 0;
  const viewTypeChanges = under(paths, "streamViewType").length > 0;
  const after = newValues(step);
  const before = oldValues(step);
  if (enabledChanges && after["streamEnabled"] !== true) {
    return [{ property: "streamEnabled", change: "the stream would be disabled" }];
  }
  // With the stream on after the step and streamEnabled unchanged, it was on before: a new view
  // type on an enabled stream (DynamoDB refuses it in place; the provider cycles the stream).
  const wasEnabled = before !== undefined ? before["streamEnabled"] === true : !enabledChanges;
  if (viewTypeChanges && after["streamEnabled"] === true && wasEnabled) {
    const from = typeof before?.["streamViewType"] === "string" ? ` from ${before["streamViewType"]}` : "";
    return [{ property: "streamViewType", change: `the stream's view type would change${from} to ${String(after["streamViewType"])}` }];
  }
  return [];
}

function pitrChanges(step: PreviewStep, paths: readonly ChangedPath[]): PropertyLoss[] {
  const changes = under(paths, "pointInTimeRecovery");
  if (changes.length === 0) return [];
  const after = block(newValues(step), "pointInTimeRecovery");
  const before = block(oldValues(step), "pointInTimeRecovery");
  if (after?.["enabled"] !== true) {
    return [{ property: "pointInTimeRecovery", change: "point-in-time recovery would be switched off" }];
  }
  const enabling = before !== undefined ? before["enabled"] !== true : changes.some((changed) => changed.path === "pointInTimeRecovery.enabled");
  if (enabling) return [];
  const days = Number(after["recoveryPeriodInDays"] ?? 35);
  const previous = before?.["recoveryPeriodInDays"];
  if (previous !== undefined) {
    const previousDays = Number(previous);
    return days < previousDays
      ? [{ property: "pointInTimeRecovery", change: `the recovery window would shrink from ${previousDays} to ${days} days` }]
      : [];
  }
  // The old window is not in the preview: only the longest window (35 days) cannot be a shrink.
  return days < 35 ? [{ property: "pointInTimeRecovery", change: `the recovery window would change to ${days} days (the preview does not show the current one)` }] : [];
}

function ttlChanges(step: PreviewStep, paths: readonly ChangedPath[]): PropertyLoss[] {
  const changes = under(paths, "ttl");
  if (changes.length === 0) return [];
  const after = block(newValues(step), "ttl");
  if (after?.["enabled"] !== true) {
    return [{ property: "ttl", change: "time to live would be removed" }];
  }
  if (changes.some((changed) => changed.path === "ttl.attributeName")) {
    return [{ property: "ttl", change: `time to live would move to attribute '${String(after["attributeName"])}'` }];
  }
  return [];
}

/** No KMS key: the block absent, or `enabled` not true (the provider reads an owned-key table so). */
const onOwnedKey = (sse: Readonly<Record<string, unknown>> | undefined): boolean => sse?.["enabled"] !== true;
const onManagedKey = (sse: Readonly<Record<string, unknown>> | undefined): boolean =>
  sse?.["enabled"] === true && (sse["kmsKeyArn"] === undefined || sse["kmsKeyArn"] === "");

function encryptionChanges(step: PreviewStep, paths: readonly ChangedPath[]): PropertyLoss[] {
  const changes = under(paths, "serverSideEncryption");
  if (changes.length === 0) return [];
  const after = block(newValues(step), "serverSideEncryption");
  const before = oldValues(step);
  // From the AWS owned key (DynamoDB's default) to the AWS managed key: every principal that could
  // read the table still can, and it is what the spec asks for. Only a known old state proves it.
  if (before !== undefined && onOwnedKey(block(before, "serverSideEncryption")) && onManagedKey(after)) return [];
  const kmsKeyArn = after?.["kmsKeyArn"];
  const key = after?.["enabled"] !== true ? "the AWS owned key" : typeof kmsKeyArn === "string" ? `key ${kmsKeyArn}` : "the AWS managed key";
  return [{ property: "serverSideEncryption", change: `the encryption key would change to ${key} (${changes.map((c) => c.path).join(", ")})` }];
}

/** Every data-losing property change of one table step that keeps the table. */
export function propertyLosses(step: PreviewStep): PropertyLoss[] {
  const paths = changedPaths(step);
  return [
    ...deletedIndexes(step, paths),
    ...streamChanges(step, paths),
    ...pitrChanges(step, paths),
    ...ttlChanges(step, paths),
    ...encryptionChanges(step, paths),
  ];
}
