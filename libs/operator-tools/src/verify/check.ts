/**
 * One line of the report. `unverified`: the live value could not be judged with the calls verify
 * may make (it is shown, and does not fail the run).
 */
export type CheckStatus = "pass" | "fail" | "unverified";
export type CheckArea = "stacks" | "tables" | "roles" | "alarms" | "test-alarm";

export interface Check {
  readonly area: CheckArea;
  readonly subject: string;
  readonly check: string;
  readonly status: CheckStatus;
  readonly expected: string;
  readonly actual: string;
}

/** A check that passes when the live value reads exactly as expected. */
export function compare(area: CheckArea, subject: string, check: string, expected: string, actual: string | undefined): Check {
  const live = actual ?? "(absent)";
  return { area, subject, check, expected, actual: live, status: live === expected ? "pass" : "fail" };
}

export function verdict(area: CheckArea, subject: string, check: string, passed: boolean, expected: string, actual: string): Check {
  return { area, subject, check, expected, actual, status: passed ? "pass" : "fail" };
}
