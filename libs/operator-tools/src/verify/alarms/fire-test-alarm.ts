import { DescribeAlarmHistoryCommand, SetAlarmStateCommand, type AlarmHistoryItem, type CloudWatchClient, type MetricAlarm } from "@aws-sdk/client-cloudwatch";
import { awsCall } from "../../live-account";
import type { Check } from "../check";

export interface Clock {
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
}

export const realClock: Clock = { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

export const TEST_ALARM_REASON =
  "Verification by 'npm run verify --fire-test-alarm': not an incident. The alarm's next evaluation returns it to its real state.";
const POLL_INTERVAL_MS = 5_000;
const MAX_WAIT_MS = 120_000;

/** The outcome CloudWatch records for an alarm action (HistoryData of an `Action` history item). */
interface ActionHistoryData {
  readonly actionState?: string;
  readonly error?: string | null;
  readonly notificationResource?: string;
}

const data = (item: AlarmHistoryItem): ActionHistoryData => {
  try {
    return JSON.parse(item.HistoryData ?? "{}") as ActionHistoryData;
  } catch {
    return {};
  }
};

/**
 * Sets one SystemErrors alarm to ALARM (SetAlarmState), then polls DescribeAlarmHistory (type
 * Action) until CloudWatch records the outcome of its action, within MAX_WAIT_MS. An action item's
 * HistoryData carries `actionState` Succeeded or Failed and the error (aws/aws-sdk-java #1723
 * shows the shape; re:Post "cloudwatch-receive-sns-for-alarm-trigger" the failure summaries).
 * The alarm is left to its next evaluation, which puts it back in its real state.
 */
export async function fireTestAlarm(cloudwatch: CloudWatchClient, candidates: readonly MetricAlarm[], topicArn: string, clock: Clock = realClock): Promise<Check> {
  const check = (subject: string, passed: boolean, actual: string): Check => ({
    area: "test-alarm",
    subject,
    check: "notification delivered to the topic",
    status: passed ? "pass" : "fail",
    expected: `action on ${topicArn} Succeeded`,
    actual,
  });
  // An alarm already in ALARM does not change state, so it would run no action.
  const alarm = candidates.find((candidate) => candidate.StateValue !== "ALARM");
  if (!alarm?.AlarmName) return check("(none)", false, "every SystemErrors alarm is already in ALARM (a real incident?): nothing fired");
  const name = alarm.AlarmName;
  const firedAt = clock.now();
  await awsCall(`SetAlarmState ${name}`, () => cloudwatch.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: "ALARM", StateReason: TEST_ALARM_REASON })));
  for (let waited = 0; ; waited += POLL_INTERVAL_MS) {
    const history = await awsCall(`DescribeAlarmHistory ${name}`, () =>
      cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: "Action", StartDate: firedAt, ScanBy: "TimestampAscending" })),
    );
    const items = (history.AlarmHistoryItems ?? []).filter((item) => !item.Timestamp || item.Timestamp >= firedAt);
    const onTopic = items.find((item) => data(item).notificationResource === topicArn || item.HistorySummary?.includes(topicArn)) ?? items[0];
    if (onTopic) {
      const outcome = data(onTopic);
      if (outcome.actionState === "Succeeded") return check(name, true, `Succeeded: ${onTopic.HistorySummary ?? ""}`.trim());
      return check(name, false, `${outcome.actionState ?? "unknown outcome"}: ${outcome.error ?? onTopic.HistorySummary ?? "(no error text)"}`);
    }
    if (waited >= MAX_WAIT_MS) return check(name, false, `no action outcome recorded within ${MAX_WAIT_MS / 1000} s`);
    await clock.sleep(POLL_INTERVAL_MS);
  }
}
