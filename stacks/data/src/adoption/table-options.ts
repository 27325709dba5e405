import type * as pulumi from "@pulumi/pulumi";
import { HELD_BY_STEP, type AdoptionStep } from "./adoption-steps";

/**
 * How long one update of an adopted table may run, per step. The provider's default for a table
 * update is 60 minutes (updateTableTimeoutTotal, internal/service/dynamodb/wait.go in
 * hashicorp/terraform-provider-aws), and it waits for a new GSI to become ACTIVE within it; the
 * backfill of a GSI on a table of many gigabytes takes hours. Pulumi's `customTimeouts` option
 * raises the provider's timeout for that operation (Pulumi docs, "Resource option:
 * customTimeouts"; the engine passes it through to the provider, pulumi/pulumi#2655).
 *
 * Only `indexes` builds GSIs. Its 11 h fit the longest credentials IAM gives (a 12 h role session)
 * and no GitHub-hosted job (6 h): it runs by hand (long-operations.ts). The other steps change
 * billing, the stream or PITR, which take minutes; their 5 h leave a CI job (6 h, with credentials
 * as long) time to fail cleanly and write the checkpoint.
 */
export const ADOPTED_TABLE_UPDATE_TIMEOUTS: Readonly<Record<AdoptionStep, string>> = {
  billing: "5h",
  streams: "5h",
  indexes: "11h",
  complete: "5h",
};

/** The resource options of an existing table adopted at `step`: import by name, hold, wait. */
export function adoptedTableOptions(physicalName: string, step: AdoptionStep): pulumi.CustomResourceOptions {
  const held = HELD_BY_STEP[step];
  return {
    import: physicalName,
    ignoreChanges: held.length > 0 ? [...held] : undefined,
    customTimeouts: { update: ADOPTED_TABLE_UPDATE_TIMEOUTS[step] },
  };
}
