import { isDeepStrictEqual } from "node:util";
import { ADOPTION_STEPS, type AdoptionStep } from "../src/adoption/adoption-steps";
import { BILLING_PROPERTIES, INDEX_PROPERTIES, PITR_PROPERTIES, STREAM_PROPERTIES } from "@dynamodb-platform/platform";
import { optionsOf, runDataStack, tablesByKey } from "./run-data-stack";

/** Every table input an adoption `pulumi up` could send to AWS in a table update. */
export const TABLE_UPDATE_PROPERTIES = [
  ...BILLING_PROPERTIES,
  ...STREAM_PROPERTIES,
  ...INDEX_PROPERTIES,
  ...PITR_PROPERTIES,
  "serverSideEncryption",
  "deletionProtectionEnabled",
  "tags",
] as const;

export interface PlannedStep {
  readonly step: AdoptionStep;
  readonly importId?: string;
  readonly held: readonly string[];
  readonly updateTimeout?: string;
  /** The value each property is declared with (undefined: not declared). */
  readonly declared: Readonly<Record<string, unknown>>;
  /**
   * What this `pulumi up` may change on the live table: every property it does not hold, unless
   * an earlier step already applied that same value. Before its first application the live value
   * is unknown offline, so the property may change.
   */
  readonly mayChange: readonly string[];
  /** The value an earlier step applied, for each property some earlier step applied. */
  readonly appliedBefore: Readonly<Record<string, unknown>>;
}

/** Runs the prod program once per adoption step, in order, and derives each step's changes per table. */
export async function planAdoption(overrides: Record<string, string> = {}): Promise<Record<string, PlannedStep[]>> {
  const plans: Record<string, PlannedStep[]> = {};
  const applied: Record<string, Record<string, unknown>> = {};
  for (const step of ADOPTION_STEPS) {
    const run = await runDataStack("prod", { ...overrides, adoptionStep: step });
    for (const [key, table] of Object.entries(tablesByKey(run))) {
      const options = optionsOf(table);
      const held = options.ignoreChanges ?? [];
      const before = { ...(applied[key] ?? {}) };
      const declared = Object.fromEntries(TABLE_UPDATE_PROPERTIES.map((property) => [property, table.inputs[property]]));
      const mayChange = TABLE_UPDATE_PROPERTIES.filter(
        (property) => !held.includes(property) && !(property in before && isDeepStrictEqual(before[property], declared[property])),
      );
      applied[key] = { ...before, ...Object.fromEntries(mayChange.map((property) => [property, declared[property]])) };
      (plans[key] ??= []).push({
        step,
        importId: table.importId,
        held,
        updateTimeout: options.customTimeouts?.update,
        declared,
        mayChange,
        appliedBefore: before,
      });
    }
  }
  return plans;
}

export const touches = (changes: readonly string[], group: readonly string[]): boolean => group.some((property) => changes.includes(property));
