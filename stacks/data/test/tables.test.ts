import type { ProgramRun } from "@dynamodb-platform/program-runner";
import { CONTRIBUTOR_INSIGHTS, STACKS, TABLE, resourcesOfType, runDataStack, tablesByKey } from "./run-data-stack";

describe.each(STACKS)("data stack tables (%s)", (stack) => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runDataStack(stack);
  });

  test("creates exactly the events, sessions and users tables", () => {
    expect(Object.keys(tablesByKey(run)).sort()).toEqual(["events", "sessions", "users"]);
    expect(resourcesOfType(run, TABLE)).toHaveLength(3);
  });

  test("every table is on-demand with no provisioned capacity on the table or its indexes", () => {
    for (const table of resourcesOfType(run, TABLE)) {
      expect(table.inputs["billingMode"]).toBe("PAY_PER_REQUEST");
      expect(table.inputs).not.toHaveProperty("readCapacity");
      expect(table.inputs).not.toHaveProperty("writeCapacity");
      const indexes = (table.inputs["globalSecondaryIndexes"] ?? []) as Record<string, unknown>[];
      for (const index of indexes) {
        expect(index).not.toHaveProperty("readCapacity");
        expect(index).not.toHaveProperty("writeCapacity");
      }
    }
  });

  test("every table is encrypted with the AWS managed key, deletable and unprotected", () => {
    for (const table of resourcesOfType(run, TABLE)) {
      expect(table.inputs["serverSideEncryption"]).toEqual({ enabled: true });
      expect(table.inputs["deletionProtectionEnabled"]).toBe(false);
      expect(table.protect).toBe(false);
      expect(table.retainOnDelete).toBe(false);
    }
  });

  test("key schemas equal the production tables' keys, and attributes are exactly the key attributes", () => {
    const tables = tablesByKey(run);
    expect(tables.events.inputs).toMatchObject({ hashKey: "eventId", attributes: [{ name: "eventId", type: "S" }] });
    expect(tables.users.inputs).toMatchObject({ hashKey: "userId", attributes: [{ name: "userId", type: "S" }] });
    expect(tables.sessions.inputs["hashKey"]).toBe("sessionId");
    expect(tables.sessions.inputs["attributes"]).toEqual([
      { name: "sessionId", type: "S" },
      { name: "userId", type: "S" },
      { name: "timestamp", type: "N" },
    ]);
    for (const table of Object.values(tables)) {
      expect(table.inputs).not.toHaveProperty("rangeKey");
      expect(table.inputs).not.toHaveProperty("localSecondaryIndexes");
    }
  });

  test("events streams new and old images; no other table has a stream", () => {
    const tables = tablesByKey(run);
    expect(tables.events.inputs).toMatchObject({ streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" });
    for (const key of ["sessions", "users"]) {
      expect(tables[key].inputs["streamEnabled"]).toBe(false);
      expect(tables[key].inputs).not.toHaveProperty("streamViewType");
    }
  });

  test("users has 35-day point-in-time recovery; no other table has PITR", () => {
    const tables = tablesByKey(run);
    expect(tables.users.inputs["pointInTimeRecovery"]).toEqual({ enabled: true, recoveryPeriodInDays: 35 });
    expect(tables.events.inputs["pointInTimeRecovery"]).toEqual({ enabled: false });
    expect(tables.sessions.inputs["pointInTimeRecovery"]).toEqual({ enabled: false });
  });

  test("sessions has the userId + timestamp GSI projecting all attributes; other tables have none", () => {
    const tables = tablesByKey(run);
    expect(tables.sessions.inputs["globalSecondaryIndexes"]).toEqual([
      {
        name: "userId-timestamp-index",
        keySchemas: [
          { attributeName: "userId", keyType: "HASH" },
          { attributeName: "timestamp", keyType: "RANGE" },
        ],
        projectionType: "ALL",
      },
    ]);
    expect(tables.events.inputs).not.toHaveProperty("globalSecondaryIndexes");
    expect(tables.users.inputs).not.toHaveProperty("globalSecondaryIndexes");
  });

  test("contributor insights watches accessed and throttled keys on events only", () => {
    const insights = resourcesOfType(run, CONTRIBUTOR_INSIGHTS);
    expect(insights).toHaveLength(1);
    expect(insights[0].inputs).toEqual({
      tableName: tablesByKey(run).events.inputs["name"],
      mode: "ACCESSED_AND_THROTTLED_KEYS",
    });
  });
});
