import type { PreviewStep } from "./preview-document";

/** One changed property path of a step and the kind of change (`update`, `delete`, `add`...). */
export interface ChangedPath {
  readonly path: string;
  readonly kind: string;
}

/**
 * The step's changed paths: `detailedDiff` when the engine sent one; otherwise the top-level
 * `diffReasons`, as updates of unknown direction.
 */
export function changedPaths(step: PreviewStep): ChangedPath[] {
  if (step.detailedDiff) {
    return Object.entries(step.detailedDiff).map(([path, diff]) => ({ path, kind: diff.kind }));
  }
  return (step.diffReasons ?? []).map((path) => ({ path, kind: "update" }));
}

/** `pointInTimeRecovery.enabled` → `pointInTimeRecovery`; `globalSecondaryIndexes[0]` → `globalSecondaryIndexes`. */
export function topLevel(path: string): string {
  return path.split(/[.[]/)[0];
}

export function under(paths: readonly ChangedPath[], property: string): ChangedPath[] {
  return paths.filter((changed) => topLevel(changed.path) === property);
}

type Values = Readonly<Record<string, unknown>>;

/** The table as it is: the old state's outputs (or inputs); undefined when the preview shows none (imports). */
export function oldValues(step: PreviewStep): Values | undefined {
  return step.oldState?.outputs ?? step.oldState?.inputs;
}

export function newValues(step: PreviewStep): Values {
  return step.newState?.inputs ?? {};
}

/** A nested block (`pointInTimeRecovery`, `ttl`) as the engine shows it: an object, or a one-element list. */
export function block(values: Values | undefined, property: string): Values | undefined {
  const value = values?.[property];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === "object" && first !== null ? (first as Values) : undefined;
}
