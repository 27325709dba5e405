import type * as pulumi from "@pulumi/pulumi";
import { HELD_BY_STEP, type AdoptionStep } from "./adoption-steps";

/**
 * How long one update of an adopted table may run. The provider's default for a table update is
 * 60 minutes (updateTableTimeoutTotal, internal/service/dynamodb/wait.go in
 * hashicorp/terraform-provider-aws), and it waits for a new GSI to become ACTIVE within it; the
 * backfill of a GSI on a table of many gigabytes takes hours. Pulumi's `customTimeouts` option
 * raises the provider's timeout for that operation (Pulumi docs, "Resource option:
 * customTimeouts"; the engine passes it through to the provider, pulumi/pulumi#2655).
 */
export const ADOPTED_TABLE_TIMEOUTS: pulumi.CustomTimeouts = { update: "12h" };

/** The resource options of an existing table adopted at `step`: import by name, hold, wait. */
export function adoptedTableOptions(physicalName: string, step: AdoptionStep): pulumi.CustomResourceOptions {
  const held = HELD_BY_STEP[step];
  return {
    import: physicalName,
    ignoreChanges: held.length > 0 ? [...held] : undefined,
    customTimeouts: ADOPTED_TABLE_TIMEOUTS,
  };
}
