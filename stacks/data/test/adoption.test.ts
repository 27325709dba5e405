import { resourcesOfType, runDataStack, TABLE, tablesByKey } from "./run-data-stack";

describe("table names and adoption", () => {
  test("dev creates new tables named {table}-{environmentSuffix} and imports nothing", async () => {
    const run = await runDataStack("dev");
    const tables = resourcesOfType(run, TABLE);
    expect(tables.map((t) => t.inputs["name"]).sort()).toEqual(["events-dev", "sessions-dev", "users-dev"]);
    expect(run.resources.every((resource) => resource.importId === undefined)).toBe(true);
  });

  test("a non-production stack with another suffix names its tables after that suffix", async () => {
    const run = await runDataStack("dev", { environmentSuffix: "pr-42" });
    expect(resourcesOfType(run, TABLE).map((t) => t.inputs["name"]).sort()).toEqual([
      "events-pr-42",
      "sessions-pr-42",
      "users-pr-42",
    ]);
  });

  test("prod adopts the existing tables: names exactly events, sessions, users, each imported by name", async () => {
    const run = await runDataStack("prod");
    const tables = tablesByKey(run);
    for (const key of ["events", "sessions", "users"]) {
      expect(tables[key].inputs["name"]).toBe(key);
      expect(tables[key].importId).toBe(key);
    }
    const imported = run.resources.filter((resource) => resource.importId !== undefined);
    expect(imported.map((resource) => resource.type)).toEqual([TABLE, TABLE, TABLE]);
  });

  test("the adoption flag alone switches between the two behaviours", async () => {
    const run = await runDataStack("dev", { adoptExistingTables: "true", adoptionStep: "complete" });
    expect(resourcesOfType(run, TABLE).map((t) => [t.inputs["name"], t.importId]).sort()).toEqual([
      ["events", "events"],
      ["sessions", "sessions"],
      ["users", "users"],
    ]);
  });
});
