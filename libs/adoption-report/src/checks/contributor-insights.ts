import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/**
 * How the data stack takes over contributor insights that are already enabled: it imports the
 * existing rule into its ContributorInsights resource instead of creating it again. One message,
 * so the report and the data stack say the same thing.
 */
export const CONTRIBUTOR_INSIGHTS_ADOPTION = "adopted by import";

export function checkContributorInsights({ spec, live }: CheckInput): Finding[] {
  const status = live.contributorInsights.ContributorInsightsStatus ?? "DISABLED";
  const mode = live.contributorInsights.ContributorInsightsMode;
  const on = status === "ENABLED" || status === "ENABLING";
  const base = {
    topic: "contributor insights",
    live: on ? `${status}${mode ? `, ${mode}` : ""}` : status,
    spec: spec.contributorInsights ? `enabled, ${spec.contributorInsights}` : "not declared",
  };
  if (!spec.contributorInsights) {
    return on
      ? [{ ...base, adoption: "left enabled: the program does not manage it (billed per rule and event; disable it by hand if unwanted)", verdict: "attention" }]
      : [{ ...base, adoption: "unchanged", verdict: "ok" }];
  }
  if (!on) return [{ ...base, adoption: "enabled by the program", verdict: "change" }];
  // A rule enabled before modes existed reports no mode; DynamoDB's default mode is ACCESSED_AND_THROTTLED_KEYS.
  const liveMode = mode ?? "ACCESSED_AND_THROTTLED_KEYS";
  if (liveMode !== spec.contributorInsights) {
    return [{ ...base, adoption: `${CONTRIBUTOR_INSIGHTS_ADOPTION}, then switched to ${spec.contributorInsights}`, verdict: "change" }];
  }
  return [{ ...base, adoption: CONTRIBUTOR_INSIGHTS_ADOPTION, verdict: "ok" }];
}
