import { expectRunFailure } from "@dynamodb-platform/program-runner";
import { BILLING_PROPERTIES, INDEX_PROPERTIES, PITR_PROPERTIES, STREAM_PROPERTIES } from "@dynamodb-platform/platform";
import { CONTRIBUTOR_INSIGHTS, TABLE, optionsOf, resourcesOfType, runDataStack } from "./run-data-stack";
import { planAdoption, touches, type PlannedStep } from "./step-changes";

const hours = (duration: string | undefined): number => {
  const match = /^(\d+)(m|h)$/.exec(duration ?? "");
  if (!match) return 0;
  return Number(match[1]) / (match[2] === "m" ? 60 : 1);
};

describe("the production adoption, step by step (offline, from each step's planned inputs and options)", () => {
  let plans: Record<string, PlannedStep[]>;
  beforeAll(async () => {
    plans = await planAdoption();
  });

  test("no step sends a billing change and a stream change to the same table", () => {
    for (const [table, steps] of Object.entries(plans)) {
      for (const planned of steps) {
        const both = touches(planned.mayChange, BILLING_PROPERTIES) && touches(planned.mayChange, STREAM_PROPERTIES);
        expect({ table, step: planned.step, billingAndStream: both }).toEqual({ table, step: planned.step, billingAndStream: false });
      }
    }
  });

  test("each step changes exactly its own kind of property, in the order billing, streams, indexes, PITR", () => {
    const kinds = (changes: readonly string[]) =>
      [
        ["billing", BILLING_PROPERTIES],
        ["stream", STREAM_PROPERTIES],
        ["indexes", INDEX_PROPERTIES],
        ["pitr", PITR_PROPERTIES],
      ]
        .filter(([, group]) => touches(changes, group as readonly string[]))
        .map(([kind]) => kind);
    for (const steps of Object.values(plans)) {
      expect(steps.map((planned) => [planned.step, kinds(planned.mayChange)])).toEqual([
        ["billing", ["billing"]],
        ["streams", ["stream"]],
        ["indexes", ["indexes"]],
        ["complete", ["pitr"]],
      ]);
    }
  });

  test("the first step imports each table and switches it to on-demand, encryption, protection and tags with it", () => {
    for (const [table, steps] of Object.entries(plans)) {
      expect(steps[0].mayChange).toEqual([...BILLING_PROPERTIES, "serverSideEncryption", "deletionProtectionEnabled", "tags"]);
      expect(steps[0].declared["billingMode"]).toBe("PAY_PER_REQUEST");
      expect(steps.map((planned) => planned.importId)).toEqual([table, table, table, table]);
    }
  });

  test("every step of an adopted table may run for hours, not the provider's 60-minute default; the indexes backfill longest", () => {
    for (const steps of Object.values(plans)) {
      expect(steps.map((planned) => [planned.step, hours(planned.updateTimeout)])).toEqual([
        ["billing", 5],
        ["streams", 5],
        ["indexes", 11],
        ["complete", 5],
      ]);
    }
  });

  test("the stream step enables the events stream and disables the others", () => {
    const stream = (table: string) => plans[table][1].declared;
    expect(stream("events")).toMatchObject({ streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" });
    expect(stream("sessions")).toMatchObject({ streamEnabled: false, streamViewType: undefined });
    expect(stream("users")).toMatchObject({ streamEnabled: false, streamViewType: undefined });
  });

  test("an accepted new view type changes nothing in the plan: events' stream is declared on from the stream step on, never off in between", async () => {
    const accepted = await planAdoption({ dataLossAccepted: JSON.stringify({ events: ["streamViewType"] }) });
    expect(accepted).toEqual(plans);
    expect(accepted["events"].map((planned) => [planned.step, planned.mayChange.filter((property) => touches([property], STREAM_PROPERTIES))])).toEqual([
      ["billing", []], // held: the live stream stays as it is
      ["streams", [...STREAM_PROPERTIES]], // the provider disables and re-enables it for a new view type
      ["indexes", []],
      ["complete", []],
    ]);
  });
});

describe("adoption options apply to adopted tables only", () => {
  test("dev creates its tables: no import, nothing held, the provider's timeouts", async () => {
    const run = await runDataStack("dev");
    for (const table of resourcesOfType(run, TABLE)) {
      expect(optionsOf(table)).toEqual({ ignoreChanges: undefined, customTimeouts: undefined, import: undefined });
    }
  });

  test("an existing contributor insights rule is imported with the provider's id format, not created again", async () => {
    const run = await runDataStack("prod", { existingContributorInsights: JSON.stringify(["events"]) });
    const [insights] = resourcesOfType(run, CONTRIBUTOR_INSIGHTS);
    expect(insights.importId).toBe("name:events/index:/123456789012");
    const fresh = await runDataStack("prod");
    expect(resourcesOfType(fresh, CONTRIBUTOR_INSIGHTS)[0].importId).toBeUndefined();
  });

  test.each<[string, string, Record<string, string | undefined>, RegExp]>([
    ["prod without a step", "prod", { adoptionStep: undefined }, /'dynamodb-data:adoptionStep': it is missing\. Use billing, streams, indexes, complete in that order/],
    ["prod with an unknown step", "prod", { adoptionStep: "gsi" }, /'dynamodb-data:adoptionStep': 'gsi' is not an adoption step/],
    ["a step on a stack that creates its tables", "dev", { adoptionStep: "billing" }, /'dynamodb-data:adoptionStep': it applies only when adoptExistingTables is true/],
    ["contributor insights adopted on a table without them", "prod", { existingContributorInsights: '["users"]' }, /'dynamodb-data:existingContributorInsights': 'users' is not an existing table with contributor insights\. Use only events/],
    ["a data-loss acknowledgement of an unknown property", "prod", { dataLossAccepted: '{"users":["backups"]}' }, /'dynamodb-data:dataLossAccepted': 'backups' \(table 'users'\)/],
  ])("%s is a named configuration error before any resource", async (_case, stack, overrides, message) => {
    const failure = await expectRunFailure(runDataStack(stack, overrides));
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((resource) => resource.type.startsWith("aws:"))).toEqual([]);
  });
});
