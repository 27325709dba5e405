import { SYSTEM_ERRORS_OPERATIONS } from "./declared-monitoring";
import { HOURS_PER_MONTH } from "./month";

/** Every simplification the estimate makes, printed with every report. */
export const APPROXIMATIONS: readonly string[] = [
  "On-demand: consumed capacity units stand in for request units (read request units = ConsumedReadCapacityUnits, write request units = ConsumedWriteCapacityUnits). Transactional and strongly consistent requests are already counted at their higher rate in consumed units.",
  `Month: the window's consumption scaled to ${HOURS_PER_MONTH} hours (the AWS Pricing Calculator's month); a window with unusual traffic gives an unusual month.`,
  "Hours with no datapoint count as 0: DynamoDB publishes consumed capacity only when it is not zero.",
  `Provisioned: the read and write capacity DescribeTable shows now, for ${HOURS_PER_MONTH} hours; auto scaling during the month and reserved capacity are not seen.`,
  "Prices: Standard table class, the first paid tier of each price; free tiers (storage, capacity, alarms, dashboards) are shared by the whole account and left out.",
  "Storage: table and index sizes from DescribeTable (updated about every six hours), without the per-item overhead the bill adds; the same in both modes.",
  "Point-in-time recovery: priced on the table's size, per GB-month.",
  "Contributor insights events: one per item read or written (two with a sort key), counted as the table's consumed read plus write units.",
  `Metrics Insights alarms: priced per metric analyzed; each SystemErrors alarm is counted as ${SYSTEM_ERRORS_OPERATIONS} metrics (one per DynamoDB operation), an upper bound.`,
  "Monitoring footprint (alarms, dashboard): what the monitoring stack of this commit declares (its offline plan), not read from AWS.",
  "A table whose usage could not be read completely (a GetMetricData result InternalError after retries, Forbidden, or PartialData without more pages) is priced on what was read, marked INCOMPLETE, and gets no verdict.",
];
