import type { TableDescription } from "@aws-sdk/client-dynamodb";
import { assessTable } from "../../src/adoption-report/assess-table";
import { PROD_TAGS, onDemandTable, provisioned } from "./recorded-responses";
import { NOW } from "./world";

/** One table's findings for a live state that leaves a value to AWS's default or to the clock. */
function findings(live: { table?: TableDescription; pitrDaysField?: number | "absent" }, pitrSpec?: number) {
  const pitr =
    live.pitrDaysField === undefined
      ? { PointInTimeRecoveryStatus: "DISABLED" as const }
      : { PointInTimeRecoveryStatus: "ENABLED" as const, ...(live.pitrDaysField === "absent" ? {} : { RecoveryPeriodInDays: live.pitrDaysField }) };
  return assessTable(
    {
      spec: { key: "users", hashKey: { name: "userId", type: "S" }, ...(pitrSpec !== undefined ? { pointInTimeRecoveryDays: pitrSpec } : {}) },
      live: {
        table: live.table ?? onDemandTable("users", "userId"),
        continuousBackups: { ContinuousBackupsStatus: "ENABLED", PointInTimeRecoveryDescription: pitr },
        contributorInsights: {},
        tags: PROD_TAGS,
        streamConsumers: [],
      },
      programTags: PROD_TAGS,
      now: NOW,
      contributorInsightsImported: false,
    },
    {},
  );
}

describe("PITR enabled without RecoveryPeriodInDays (tables enabled before the setting existed)", () => {
  test("is AWS's default of 35 days: unchanged against a 35-day spec", () => {
    expect(findings({ pitrDaysField: "absent" }, 35).find((f) => f.topic === "point-in-time recovery")).toMatchObject({
      live: "enabled, 35 days",
      verdict: "ok",
    });
  });

  test("so a 7-day spec shortens it and deletes recovery points", () => {
    expect(findings({ pitrDaysField: "absent" }, 7).find((f) => f.topic === "point-in-time recovery")).toMatchObject({
      verdict: "data-loss",
      adoption: "window shortened: recovery points older than 7 days are deleted",
    });
  });
});

describe("the on-demand switch window is a rolling 24 hours", () => {
  const switchedHoursAgo = (hours: number) => {
    const table = provisioned(onDemandTable("users", "userId"));
    const at = new Date(NOW.getTime() - hours * 3600 * 1000);
    return findings({ table: { ...table, BillingModeSummary: { BillingMode: "PROVISIONED", LastUpdateToPayPerRequestDateTime: at } } }).find(
      (f) => f.topic === "billing mode",
    );
  };

  test("a switch 23 hours ago is still in the window", () => {
    expect(switchedHoursAgo(23)?.verdict).toBe("attention");
  });

  test("a switch 25 hours ago is out of it", () => {
    expect(switchedHoursAgo(25)?.verdict).toBe("change");
  });
});
