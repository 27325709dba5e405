import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { expectRunFailure } from "@dynamodb-platform/program-runner";
import { JOB_TIME_LIMIT_VARIABLE, longOperationRefusal } from "../src/adoption/long-operations";
import { TABLE, resourcesOfType, runDataStack } from "./run-data-stack";

const WORKFLOW = path.join(__dirname, "../../../.github/workflows/infra.yml");

describe("a data deploy in a time-limited job", () => {
  afterEach(() => {
    delete process.env[JOB_TIME_LIMIT_VARIABLE];
  });

  test("the indexes step (11 h GSI backfill) stops before any resource, with the line that runs it by hand", async () => {
    process.env[JOB_TIME_LIMIT_VARIABLE] = "360";
    const failure = await expectRunFailure(runDataStack("prod", { adoptionStep: "indexes" }));
    expect(failure.message).toBe(
      "adoptionStep 'indexes' may update a table for 11h, longer than this job (6 h) and its credentials last: nothing was changed. " +
        "Run it by hand with credentials that last 12 h (docs/runbooks/adoption.md): npx nx run @dynamodb-platform/data:deploy --stack=prod",
    );
    expect(failure.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });

  test.each(["billing", "streams", "complete"])("the %s step fits the job and runs", async (step) => {
    process.env[JOB_TIME_LIMIT_VARIABLE] = "360";
    const run = await runDataStack("prod", { adoptionStep: step });
    expect(resourcesOfType(run, TABLE)).toHaveLength(3);
  });

  test("a shorter job refuses even the short steps", () => {
    expect(longOperationRefusal("prod", "billing", { [JOB_TIME_LIMIT_VARIABLE]: "120" }, false)).toMatch(/'billing' may update a table for 5h, longer than this job \(2 h\)/);
  });

  test("a hand run (no job limit), a preview, or a stack that creates its tables never stops", async () => {
    expect(longOperationRefusal("prod", "indexes", {}, false)).toBeUndefined();
    expect(longOperationRefusal("prod", "indexes", { [JOB_TIME_LIMIT_VARIABLE]: "360" }, true)).toBeUndefined();
    process.env[JOB_TIME_LIMIT_VARIABLE] = "360";
    expect(resourcesOfType(await runDataStack("dev"), TABLE)).toHaveLength(3);
  });

  test("a limit that is not a number of minutes is one clear error", () => {
    expect(() => longOperationRefusal("prod", "billing", { [JOB_TIME_LIMIT_VARIABLE]: "6h" }, false)).toThrow(
      "DEPLOY_JOB_TIME_LIMIT_MINUTES is '6h', not a number of minutes. Set it to the job's timeout-minutes (360 on GitHub-hosted runners)",
    );
  });

  test("the workflow's data deploy job declares its own timeout as the limit", () => {
    const job = (parse(fs.readFileSync(WORKFLOW, "utf8")) as { jobs: Record<string, { "timeout-minutes"?: number; env?: Record<string, string> }> }).jobs["deploy-data"];
    expect(job["timeout-minutes"]).toBe(360);
    expect(job.env?.[JOB_TIME_LIMIT_VARIABLE]).toBe(String(job["timeout-minutes"]));
  });
});
