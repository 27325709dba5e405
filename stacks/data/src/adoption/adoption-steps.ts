import { INDEX_PROPERTIES, PITR_PROPERTIES, STREAM_PROPERTIES } from "@dynamodb-platform/platform";

/**
 * Adopting a production table is a sequence of `pulumi up`s, one per step, because DynamoDB lets
 * one UpdateTable call do only one of: change billing/throughput, enable or disable the stream,
 * create or delete one GSI; and the AWS provider sends billing mode and stream specification in
 * the same call ("You cannot modify stream status while updating table IOPS",
 * hashicorp/terraform-provider-aws#35673; resourceTableUpdate in internal/service/dynamodb/table.go
 * puts billing_mode, capacity, deletion protection and stream_enabled in one UpdateTable input).
 *
 * Each step keeps what later steps converge exactly as it is in AWS (the `ignoreChanges` option,
 * which the engine honours on imports: pulumi/pulumi#5878, fixed by #5976), so the steps apply
 * their changes in this order and never two of the conflicting kinds at once.
 */
export const ADOPTION_STEP_KEY = "adoptionStep";

export const ADOPTION_STEPS = ["billing", "streams", "indexes", "complete"] as const;
export type AdoptionStep = (typeof ADOPTION_STEPS)[number];

/** What each step holds as it is in AWS: everything a later step converges. */
export const HELD_BY_STEP: Readonly<Record<AdoptionStep, readonly string[]>> = {
  billing: [...STREAM_PROPERTIES, ...INDEX_PROPERTIES, ...PITR_PROPERTIES],
  streams: [...INDEX_PROPERTIES, ...PITR_PROPERTIES],
  indexes: [...PITR_PROPERTIES],
  complete: [],
};

export function isAdoptionStep(value: string): value is AdoptionStep {
  return (ADOPTION_STEPS as readonly string[]).includes(value);
}
