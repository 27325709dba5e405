import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cloudResources, resourcesOfType } from "@dynamodb-platform/program-runner";
import { qualify } from "@dynamodb-platform/platform";
import { isTaggableAwsType, MANDATORY_TAG_CONFIG_KEYS } from "@dynamodb-platform/tags";
import { awsTypeDeclaresTags } from "@dynamodb-platform/testing";
import {
  checkPolicies,
  discoverStackProjects,
  formatPlan,
  loadStackProgram,
  planStacks,
  StackPlanFailure,
  writePlanJson,
  type PlannedStack,
} from "../src";
import { startCommand } from "../src/start-command";

const root = path.join(__dirname, "..", "..", "..");
const projects = discoverStackProjects(path.join(root, "stacks"));
/** The temporary folders this file makes, removed once its tests are done. */
const temporaryFolders: string[] = [];
const temporaryFolder = (prefix: string) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
};
afterAll(() => {
  for (const folder of temporaryFolders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
const plan = (stack: string, list = projects) =>
  planStacks({ stack, projects: list, programFor: (project) => loadStackProgram(project.dir) });

describe("offline plan", () => {
  let dev: PlannedStack[];
  let prod: PlannedStack[];
  beforeAll(async () => {
    dev = await plan("dev");
    prod = await plan("prod");
  });

  test("plans every stack, data first", () => {
    const all = ["dynamodb-data", "dynamodb-access", "dynamodb-bootstrap", "dynamodb-monitoring"];
    expect(projects.map((p) => p.project)).toEqual(all);
    expect(dev.map((p) => p.project)).toEqual(all);
  });

  test("monitoring and access are fed the data stack's planned outputs", () => {
    const monitoring = dev.find((p) => p.project === "dynamodb-monitoring")!.run;
    const access = dev.find((p) => p.project === "dynamodb-access")!.run;
    const queries = resourcesOfType(monitoring, "aws:cloudwatch/metricAlarm:MetricAlarm").flatMap(
      (alarm) => ((alarm.inputs["metricQueries"] ?? []) as { expression: string }[]).map((q) => q.expression),
    );
    expect(queries.some((q) => q.endsWith("WHERE TableName = 'events-dev'"))).toBe(true);
    const dataTables = dev[0].run.outputs["tableArns"] as Record<string, string>;
    const readEvents = resourcesOfType(access, "aws:iam/rolePolicy:RolePolicy").find((p) => p.inputs["role"] === "dynamodb-events-dev-read-role");
    expect(String(readEvents?.inputs["policy"])).toContain(`"${dataTables.events}/stream/*"`);
  });

  test("the summary says it is offline and shows the properties that matter", () => {
    const text = formatPlan("dev", dev, root, path.join(root, "dist", "plan", "dev"));
    expect(text).toMatch(/This is NOT a 'pulumi preview' against AWS/);
    expect(text).toMatch(/dynamodb:Table\s+table-sessions-dev\s+name=sessions-dev\n\s+billing=PAY_PER_REQUEST\n\s+key=sessionId\(S\)/);
    expect(text).toMatch(/gsi=userId-timestamp-index\(userId\+timestamp, ALL\)/);
    expect(text).toMatch(/pitr=35d/);
    expect(text).toMatch(/fires=GreaterThanThreshold 5 in 1 of 3 periods/);
    expect(text).toMatch(/fires=GreaterThanThreshold 1 in 3 of 5 periods/);
    // The watched FILL expression first, then the data it reads, named by its id.
    expect(text).toContain("query=FILL(userErrors, 0) ; userErrors=AWS/DynamoDB/UserErrors Sum/60s");
    expect(text).toMatch(/query=FILL\(systemErrors, 0\) ; systemErrors=SELECT SUM\(SystemErrors\) .* WHERE TableName = 'events-dev'/);
    expect(text).toMatch(/dynamodb-dev widgets=\d+/);
    expect(text).toMatch(/WriteItems: PutItem,UpdateItem,DeleteItem,BatchWriteItem/);
    expect(text).toMatch(/Totals: 38 resources in 4 stacks, 0 to import/);
  });

  test.each(["dev", "prod"])("every resource of every stack passes every policy (%s)", async (stack) => {
    const planned = stack === "dev" ? dev : await plan(stack);
    const results = await checkPolicies(stack, planned);
    expect(results.map((r) => r.project)).toEqual(["dynamodb-data", "dynamodb-access", "dynamodb-bootstrap", "dynamodb-monitoring"]);
    expect(results.every((r) => r.checkedResources > 0)).toBe(true);
    expect(results.flatMap((r) => r.violations)).toEqual([]);
  });

  test.each(["dev", "prod"])("every taggable resource of every stack carries that stack's configured tags; no other has tags (%s)", async (stack) => {
    const planned = stack === "dev" ? dev : await plan(stack);
    let tagged = 0;
    for (const { run } of planned) {
      const expected = Object.fromEntries(
        Object.entries(MANDATORY_TAG_CONFIG_KEYS).map(([tag, key]) => [tag, run.config[qualify(run.project, key)]]),
      );
      expect(Object.values(expected).every((value) => typeof value === "string" && value.length > 0)).toBe(true);
      for (const resource of cloudResources(run)) {
        if (isTaggableAwsType(resource.type)) {
          expect({ resource: resource.name, tags: resource.inputs["tags"] }).toEqual({ resource: resource.name, tags: expect.objectContaining(expected) as unknown });
          tagged += 1;
        } else {
          expect({ resource: resource.name, tags: resource.inputs["tags"] }).toEqual({ resource: resource.name, tags: undefined });
        }
      }
    }
    expect(tagged).toBeGreaterThanOrEqual(14);
  });

  test("every AWS resource type the stacks register is tagged exactly when @pulumi/aws takes tags for it", () => {
    const types = new Set([...dev, ...prod].flatMap(({ run }) => cloudResources(run).map((r) => r.type)));
    expect(types.size).toBeGreaterThanOrEqual(6);
    for (const type of types) {
      expect({ type, tagged: isTaggableAwsType(type) }).toEqual({ type, tagged: awsTypeDeclaresTags(type) });
    }
  });

  test("a stack that breaks a policy is reported", async () => {
    const dataOnly = await plan("dev", [projects[0]]);
    const tampered = dataOnly.map((entry) => ({
      ...entry,
      run: {
        ...entry.run,
        resources: entry.run.resources.map((r) =>
          r.type === "aws:dynamodb/table:Table" ? { ...r, inputs: { ...r.inputs, billingMode: "PROVISIONED" } } : r,
        ),
      },
    }));
    const [result] = await checkPolicies("dev", tampered);
    expect(result.violations.map((v) => v.policy)).toEqual(["dynamodb-on-demand", "dynamodb-on-demand", "dynamodb-on-demand"]);
  });

  test("prod shows the three imports of the adoption", () => {
    const text = formatPlan("prod", prod, root, path.join(root, "dist", "plan", "prod"));
    for (const table of ["events", "sessions", "users"]) expect(text).toContain(`IMPORT id=${table}`);
    expect(text).toMatch(/keeps-live=streamEnabled,streamViewType/);
    expect(text).toMatch(/update-timeout=5h/);
    expect(text).toMatch(/3 to import/);
  });

  test("writes one JSON file per stack with every resource in a stable order", () => {
    const dir = temporaryFolder("plan-");
    const files = writePlanJson(dir, dev);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(["dynamodb-access.json", "dynamodb-bootstrap.json", "dynamodb-data.json", "dynamodb-monitoring.json"]);
    const data = JSON.parse(fs.readFileSync(path.join(dir, "dynamodb-data.json"), "utf8")) as { resources: { type: string; name: string }[]; outputs: object };
    const keys = data.resources.map((r) => `${r.type} ${r.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(data.outputs).toHaveProperty("tableNames");
  });

  test("bad config stops the plan with the same named error as the tests", async () => {
    // stacks/data and stacks/environments, as the repository has them.
    const copy = path.join(temporaryFolder("bad-data-"), "data");
    fs.mkdirSync(path.join(copy, "..", "environments"), { recursive: true });
    fs.copyFileSync(path.join(projects[0].dir, "..", "environments", "dev.yaml"), path.join(copy, "..", "environments", "dev.yaml"));
    fs.mkdirSync(copy);
    fs.copyFileSync(path.join(projects[0].dir, "Pulumi.yaml"), path.join(copy, "Pulumi.yaml"));
    const devFile = fs.readFileSync(path.join(projects[0].dir, "Pulumi.dev.yaml"), "utf8");
    fs.writeFileSync(path.join(copy, "Pulumi.dev.yaml"), devFile.replace("environmentSuffix: dev", "environmentSuffix: Dev_1"));
    const failure = await planStacks({
      stack: "dev",
      projects: [{ project: "dynamodb-data", dir: copy }],
      programFor: () => loadStackProgram(projects[0].dir),
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StackPlanFailure);
    expect((failure as Error).message).toBe(
      "dynamodb-data: Invalid configuration 'dynamodb-data:environmentSuffix': 'Dev_1' is not allowed. Use lowercase letters, digits and single hyphens inside (e.g. dev, pr-42)",
    );
  });
});

describe("npm start (the command's exit code and output; readme-commands.test.ts runs its successes through npm)", () => {
  const start = async (...args: string[]) => {
    let out = "";
    const output = { log: (text: string) => void (out += `${text}\n`), error: (text: string) => void (out += `${text}\n`) };
    const status = await startCommand(args, output);
    return { status, out };
  };

  test("plans every stack of prod and writes the JSON plan where it is told", async () => {
    const outDir = temporaryFolder("plan-");
    const { status, out } = await start("--stack", "prod", "--out", outDir);
    expect(status).toBe(0);
    expect(out).toMatch(/Offline plan of stack 'prod'/);
    expect(out).toMatch(/Totals: 38 resources in 4 stacks, 3 to import/);
    expect(out).toMatch(/dynamodb-monitoring: 7 resources checked, all passed/);
    expect(out).toMatch(/dynamodb-bootstrap: 15 resources checked, all passed/);
    expect(fs.existsSync(path.join(outDir, "dynamodb-monitoring.json"))).toBe(true);
  });

  test("the process exits with the command's code: a refused option is exit 2, with the usage on stderr", () => {
    const cli = path.join(__dirname, "..", "src", "cli.ts");
    const run = spawnSync(process.execPath, ["--enable-source-maps", "--require", "@swc-node/register", cli, "--stak", "prod"], { cwd: root, encoding: "utf8" });
    expect({ status: run.status, stdout: run.stdout }).toEqual({ status: 2, stdout: "" });
    expect(run.stderr).toMatch(/^Plan not started: Unknown option '--stak'.*Usage: npm start/);
  });

  test("an unknown option is refused with the usage", async () => {
    const { status, out } = await start("--stak", "prod");
    expect(status).toBe(2);
    expect(out).toMatch(/Unknown option '--stak'.*Usage: npm start/);
  });

  test("an unknown stack names the stack files that exist", async () => {
    const { status, out } = await start("--stack", "staging");
    expect(status).toBe(2);
    expect(out).toMatch(/dynamodb-data has no Pulumi\.staging\.yaml; its stacks are: dev, prod/);
  });
});
