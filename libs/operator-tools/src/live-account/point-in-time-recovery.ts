import type { PointInTimeRecoveryDescription } from "@aws-sdk/client-dynamodb";

/**
 * PITR's recovery period when none is given: AWS's default, which is also its maximum (DynamoDB API
 * reference, PointInTimeRecoverySpecification RecoveryPeriodInDays: "If no value is provided, the
 * value will default to 35"). Tables enabled before the setting existed report no
 * RecoveryPeriodInDays in DescribeContinuousBackups: they keep 35 days.
 */
export const DEFAULT_RECOVERY_PERIOD_DAYS = 35;

/** The live recovery period in days, or undefined when PITR is not enabled. */
export function liveRecoveryPeriodDays(pitr: PointInTimeRecoveryDescription | undefined): number | undefined {
  if (pitr?.PointInTimeRecoveryStatus !== "ENABLED") return undefined;
  return pitr.RecoveryPeriodInDays ?? DEFAULT_RECOVERY_PERIOD_DAYS;
}
