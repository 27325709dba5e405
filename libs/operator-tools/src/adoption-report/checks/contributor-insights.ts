import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/**
 * How the data stack takes over contributor insights that are already enabled: it imports the
 * running rule into its ContributorInsights resource instead of creating it again (for the tables
 * its `existingContributorInsights` config lists). One message, so that the report and the data
 * stack say the same thing.
 */
export const CONTRIBUTOR_INSIGHTS_ADOPTION = "adopted by import";

export function checkContributorInsights({ spec, live, contributorInsightsImported }: CheckInput): Finding[] {
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
  if (!on) {
    return contributorInsightsImported
      ? [{ ...base, adoption: `import fails: no rule runs on the table. Remove '${spec.key}' from dynamodb-data:existingContributorInsights`, verdict: "stop" }]
      : [{ ...base, adoption: "enabled by the program", verdict: "change" }];
  }
  if (!contributorInsightsImported) {
    return [
      {
        ...base,
        adoption: `created again over the running rule: list '${spec.key}' in dynamodb-data:existingContributorInsights so that it is ${CONTRIBUTOR_INSIGHTS_ADOPTION}`,
        verdict: "attention",
      },
    ];
  }
  // A rule enabled before modes existed reports no mode; DynamoDB's default mode is ACCESSED_AND_THROTTLED_KEYS.
  const liveMode = mode ?? "ACCESSED_AND_THROTTLED_KEYS";
  const adoption = liveMode === spec.contributorInsights ? CONTRIBUTOR_INSIGHTS_ADOPTION : `${CONTRIBUTOR_INSIGHTS_ADOPTION}, then switched to ${spec.contributorInsights}`;
  return [{ ...base, adoption, verdict: liveMode === spec.contributorInsights ? "ok" : "change" }];
}
