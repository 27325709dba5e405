import type { DataLossProperty } from "@dynamodb-platform/platform";

/**
 * How a live table property fares under adoption:
 * - ok: adoption leaves it as it is;
 * - change: adoption changes it and nothing is lost;
 * - attention: nothing is refused, but an operator must read it (tags removed, a key the
 *   preview cannot show, a switch quota);
 * - data-loss: adoption loses data, breaks readers, or silently keeps what the spec forbids (a
 *   customer managed key), and no acknowledgement covers it;
 * - acknowledged: such a loss, accepted in the stack's `dataLossAccepted`;
 * - stop: adoption would fail (import refuses it, or AWS refuses the update).
 */
export type Verdict = "ok" | "change" | "attention" | "data-loss" | "acknowledged" | "stop";

export const FAILING_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(["data-loss", "stop"]);

export interface Finding {
  /** What is compared, e.g. "billing mode". */
  readonly topic: string;
  readonly live: string;
  readonly spec: string;
  /** What adoption (import, then the in-place update) does to it. */
  readonly adoption: string;
  readonly verdict: Verdict;
  /** For losses: the property an acknowledgement names (DATA_LOSS_PROPERTIES). */
  readonly property?: DataLossProperty;
  /** What is lost or at risk, when not the property's usual loss (DATA_LOSS_PROPERTIES). */
  readonly risk?: string;
}

export function isFailing(finding: Finding): boolean {
  return FAILING_VERDICTS.has(finding.verdict);
}
