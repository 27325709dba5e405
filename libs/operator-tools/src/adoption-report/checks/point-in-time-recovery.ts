import { liveRecoveryPeriodDays } from "../../live-account";
import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

export function checkPointInTimeRecovery({ spec, live }: CheckInput): Finding[] {
  const pitr = live.continuousBackups?.PointInTimeRecoveryDescription;
  // The same reading of an absent RecoveryPeriodInDays as verify's (live-account).
  const liveDays = liveRecoveryPeriodDays(pitr) ?? 0;
  const enabled = liveDays > 0;
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
