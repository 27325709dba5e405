import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/**
 * AWS, "Considerations when switching capacity modes in DynamoDB": "You can switch tables from
 * provisioned capacity mode to on-demand mode up to four times in a 24-hour rolling window."
 * DescribeTable only tells when PAY_PER_REQUEST was last set, not how often, so a switch within
 * the window is flagged for the operator to count.
 */
const ON_DEMAND_SWITCHES_PER_DAY = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

export function checkBilling({ live, now }: CheckInput): Finding[] {
  const { table } = live;
  // DescribeTable may omit BillingModeSummary on a table that was never on-demand (API reference,
  // BillingModeSummary): such a table is provisioned.
  const mode = table.BillingModeSummary?.BillingMode ?? "PROVISIONED";
  const lastOnDemand = table.BillingModeSummary?.LastUpdateToPayPerRequestDateTime;
  const lastText = lastOnDemand ? lastOnDemand.toISOString() : "never";
  if (mode === "PAY_PER_REQUEST") {
    return [
      { topic: "billing mode", live: `PAY_PER_REQUEST (on-demand since ${lastText})`, spec: "PAY_PER_REQUEST", adoption: "unchanged", verdict: "ok" },
    ];
  }
  const capacity = table.ProvisionedThroughput;
  const liveText = `PROVISIONED (${capacity?.ReadCapacityUnits ?? 0} RCU, ${capacity?.WriteCapacityUnits ?? 0} WCU); last set to on-demand: ${lastText}`;
  const recent = lastOnDemand !== undefined && now.getTime() - lastOnDemand.getTime() < DAY_MS;
  return [
    {
      topic: "billing mode",
      live: liveText,
      spec: "PAY_PER_REQUEST",
      adoption: recent
        ? `switched to on-demand in place, but the table was already switched to on-demand within the last 24 hours: AWS allows ${ON_DEMAND_SWITCHES_PER_DAY} such switches per rolling 24 hours, so count them (CloudTrail UpdateTable) or wait until ${new Date(lastOnDemand.getTime() + DAY_MS).toISOString()}`
        : `switched to on-demand in place (AWS allows ${ON_DEMAND_SWITCHES_PER_DAY} switches from provisioned to on-demand per rolling 24 hours; this is the first in that window)`,
      verdict: recent ? "attention" : "change",
    },
  ];
}
