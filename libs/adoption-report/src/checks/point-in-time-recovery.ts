import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/** PITR's window when DescribeContinuousBackups gives none: AWS's default and maximum. */
const DEFAULT_RECOVERY_DAYS = 35;

export function checkPointInTimeRecovery({ spec, live }: CheckInput): Finding[] {
  const pitr = live.continuousBackups?.PointInTimeRecoveryDescription;
  const enabled = pitr?.PointInTimeRecoveryStatus === "ENABLED";
  const liveDays = pitr?.RecoveryPeriodInDays ?? DEFAULT_RECOVERY_DAYS;
  const earliest = pitr?.EarliestRestorableDateTime?.toISOString();
  const liveText = enabled ? `enabled, ${liveDays} days${earliest ? ` (restorable from ${earliest})` : ""}` : "disabled";
  const wanted = spec.pointInTimeRecoveryDays;
  const base = { topic: "point-in-time recovery", live: liveText, spec: wanted === undefined ? "disabled" : `enabled, ${wanted} days` };
  if (enabled && wanted === undefined) {
    return [{ ...base, adoption: "switched off: every recovery point is deleted", verdict: "data-loss", property: "pointInTimeRecovery" }];
  }
  if (enabled && wanted !== undefined && wanted < liveDays) {
    return [{ ...base, adoption: `window shortened: recovery points older than ${wanted} days are deleted`, verdict: "data-loss", property: "pointInTimeRecovery" }];
  }
  if (!enabled && wanted !== undefined) {
    return [{ ...base, adoption: "switched on: recovery points start from the deploy", verdict: "change" }];
  }
  if (enabled && wanted !== undefined && wanted > liveDays) {
    return [{ ...base, adoption: `window lengthened to ${wanted} days`, verdict: "change" }];
  }
  return [{ ...base, adoption: "unchanged", verdict: "ok" }];
}
