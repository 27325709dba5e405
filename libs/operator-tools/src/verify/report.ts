import type { Check } from "./check";

const MARK = { pass: "PASS", fail: "FAIL", unverified: "????" } as const;

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly unverified: number;
}

export function summarize(checks: readonly Check[]): Summary {
  const count = (status: Check["status"]) => checks.filter((check) => check.status === status).length;
  return { passed: count("pass"), failed: count("fail"), unverified: count("unverified") };
}

/** The checks as an aligned text table, live value beside the expected one, then the totals. */
export function formatTable(checks: readonly Check[]): string {
  const header = ["STATUS", "AREA", "SUBJECT", "CHECK", "EXPECTED", "LIVE"];
  const rows = checks.map((check) => [MARK[check.status], check.area, check.subject, check.check, check.expected, check.actual]);
  const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => row[column].length))));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join("  ");
  const { passed, failed, unverified } = summarize(checks);
  return [line(header), ...rows.map(line), "", `${passed} passed, ${failed} failed, ${unverified} unverified`].join("\n");
}

export function formatJson(stack: string, region: string, checks: readonly Check[]): string {
  return JSON.stringify({ stack, region, summary: summarize(checks), checks }, null, 2);
}
