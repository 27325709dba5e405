import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { main } from "../src";

/**
 * The deploy selection on this workspace's real package.json files and nx.json: for each kind of
 * change, exactly the stacks whose deployed result it can change, one per line, in deploy order.
 * CI deploys and previews what the command prints. The table and the refusals call the command's
 * entry in-process (a process per row costs half a CPU second); "the command line" runs it as CI does.
 */
const ROOT = path.resolve(__dirname, "..", "..", "..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function affectedStacks(...args: string[]): Run {
  const { status, stdout, stderr } = spawnSync("npm", ["run", "-s", "affected-stacks", "--", ...args], { cwd: ROOT, encoding: "utf8" });
  return { code: status ?? -1, stdout, stderr };
}

/** The command's entry in-process, its lines joined as cli.ts writes them; the command line itself is run by the tests that use affectedStacks. */
function affectedStacksInProcess(...args: string[]): Run {
  let stdout = "";
  let stderr = "";
  const code = main(args, ROOT, { out: (line) => (stdout += `${line}\n`), err: (line) => (stderr += `${line}\n`) });
  return { code, stdout, stderr };
}

const deployedAfter = (...files: string[]): string[] => {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(["--files", ...files], ROOT, { out: (line) => out.push(line), err: (line) => err.push(line) });
  if (code !== 0) throw new Error(`affected-stacks failed (${code}): ${err.join("\n")}`);
  return out;
};

const EVERY_STACK = ["data", "access", "monitoring"];

describe("changed files → the production stacks CI deploys", () => {
  test.each([
    // Monitoring: its code or its production config, and nothing else deploys.
    ["a monitoring threshold (its Pulumi.prod.yaml)", ["stacks/monitoring/Pulumi.prod.yaml"], ["monitoring"]],
    ["the monitoring program", ["stacks/monitoring/src/alarms/user-errors.ts"], ["monitoring"]],
    ["the monitoring dashboard", ["stacks/monitoring/src/dashboard/dynamodb-dashboard.ts"], ["monitoring"]],
    ["the monitoring project file", ["stacks/monitoring/Pulumi.yaml"], ["monitoring"]],
    ["monitoring's dev settings (not the production stack)", ["stacks/monitoring/Pulumi.dev.yaml"], []],
    // Access: its code, its config, the libraries only it loads.
    ["the access program", ["stacks/access/src/components/table-access-roles.ts"], ["access"]],
    ["access's production config", ["stacks/access/Pulumi.prod.yaml"], ["access"]],
    ["the access policy library (loaded by access; bootstrap is run by hand)", ["libs/access-policy/src/statements.ts"], ["access"]],
    // Selection is per package: the matrix that proves the roles ships in the package access loads.
    ["the permission matrix (in the access policy package access loads)", ["libs/access-policy/src/matrix/matrix.ts"], ["access"]],
    ["the deploy identities table (loaded by data for its job time limit, and by access)", ["libs/platform/src/deploy-identities/identities.ts"], EVERY_STACK],
    // Data: data first, then the stacks that read its outputs.
    ["the data program", ["stacks/data/src/tables/table-args.ts"], EVERY_STACK],
    ["data's production config", ["stacks/data/Pulumi.prod.yaml"], EVERY_STACK],
    ["the table specs", ["libs/platform/src/table-specs/production-tables.ts"], EVERY_STACK],
    ["the data stack's output contract", ["libs/platform/src/data-contract/contract.ts"], EVERY_STACK],
    ["the config readers and naming rules", ["libs/platform/src/config/naming.ts"], EVERY_STACK],
    // Selection is per package: the stack-file reader bootstrap and the tools use ships in the platform package every stack loads.
    ["the stack-file context (platform package)", ["libs/platform/src/stack-context.ts"], EVERY_STACK],
    // Gates: the policy pack judges every stack; the replacement guard judges data only.
    ["a policy", ["libs/policies/src/platform-policies.ts"], EVERY_STACK],
    ["the policy pack's entry", ["libs/policies/pack/index.js"], EVERY_STACK],
    ["the replacement guard (runs in data's deploy, changes no output)", ["libs/replacement-guard/src/guard.ts"], ["data"]],
    // Shared by every program.
    ["the tagging library", ["libs/tags/src/index.ts"], EVERY_STACK],
    ["the lockfile (package versions)", ["package-lock.json"], EVERY_STACK],
    ["nx.json (the Pulumi target commands)", ["nx.json"], EVERY_STACK],
    // Nothing a deploy runs.
    ["a monitoring test", ["stacks/monitoring/test/alarms.test.ts"], []],
    ["a stack's jest config", ["stacks/data/jest.config.js"], []],
    ["the test-only library", ["libs/testing/src/example-outputs.ts"], []],
    ["the README", ["README.md"], []],
    ["a runbook", ["docs/runbooks/rollback.md"], []],
    ["the workflow", [".github/workflows/infra.yml"], []],
    ["an operator tool (verify)", ["libs/operator-tools/src/verify/main.ts"], []],
    ["the operator tools' live-account core", ["libs/operator-tools/src/live-account/live-table.ts"], []],
    ["the pre-flight command (an operator tool, not part of the bootstrap program)", ["libs/operator-tools/src/preflight/preflight.ts"], []],
    ["the offline plan", ["libs/offline-plan/src/plan-stacks.ts"], []],
    ["the program runner the tests and the offline plan use", ["libs/program-runner/src/run-program.ts"], []],
    ["this command", ["libs/pipeline/src/select.ts"], []],
    ["a pipeline check", ["libs/pipeline/test/workflow.test.ts"], []],
    ["the bootstrap stack (run by hand once per account, never by CI)", ["stacks/bootstrap/src/program.ts"], []],
    // Several changes: the union, still in deploy order.
    ["an access and a monitoring change", ["stacks/monitoring/Pulumi.prod.yaml", "stacks/access/src/program.ts"], ["access", "monitoring"]],
    ["a monitoring change and a test", ["stacks/monitoring/src/program.ts", "libs/testing/src/index.ts", "README.md"], ["monitoring"]],
  ])("%s → %j", (_kind, files, stacks) => {
    expect(deployedAfter(...files)).toEqual(stacks);
  });

  test("data deploys before the stacks that read its outputs", () => {
    const order = deployedAfter("stacks/data/src/program.ts");
    expect(order[0]).toBe("data");
  });

});

describe("the command line", () => {
  test("prints one stack per line, in deploy order; --explain says why on stderr", () => {
    const run = affectedStacks("--explain", "--files", "libs/replacement-guard/src/guard.ts", "stacks/monitoring/Pulumi.prod.yaml");
    expect(run).toEqual({ code: 0, stdout: "data\nmonitoring\n", stderr: expect.stringMatching(/^data: libs\/replacement-guard\/src\/guard\.ts .*\nmonitoring: stacks\/monitoring\/Pulumi\.prod\.yaml\n$/) as unknown });
  });

  test("a usage error: exit 2, the usage on stderr, nothing on stdout", () => {
    const run = affectedStacks();
    expect(run).toEqual({ code: 2, stdout: "", stderr: expect.stringContaining("usage: npm run -s affected-stacks") as unknown });
  });
});

describe("the command's answers and refusals", () => {
  test("--all: every stack CI deploys, in deploy order", () => {
    expect(affectedStacksInProcess("--all")).toEqual({ code: 0, stdout: `${EVERY_STACK.join("\n")}\n`, stderr: "" });
  });

  test.each([
    [[], /give either --base and --head, or --files, or --all/],
    [["--base", "HEAD"], /--base and --head go together/],
    [["--files", "README.md", "--all"], /give either/],
    [["--head", "HEAD", "--since", "x"], /Unknown option '--since'/],
    [["--stack", "prod/evil", "--files", "README.md"], /--stack 'prod\/evil' is not a stack name/],
  ])("%j: exit 2, the problem and the usage", (args, message) => {
    const run = affectedStacksInProcess(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain("usage: npm run -s affected-stacks");
    expect(run.stdout).toBe("");
  });

  test("a commit that is not in the repository: exit 1, naming it", () => {
    const run = affectedStacksInProcess("--base", "0000000000000000000000000000000000000000", "--head", "HEAD");
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--base 0{40} is not a commit of this repository/);
  });
});

describe("--explain", () => {
  test("names the changed file and the package or gate it reaches the stack through", () => {
    const err: string[] = [];
    main(["--explain", "--files", "libs/replacement-guard/src/guard.ts", "libs/platform/src/config/index.ts"], ROOT, { out: () => undefined, err: (line) => err.push(line) });
    expect(err).toEqual([
      "data: libs/replacement-guard/src/guard.ts (gate @dynamodb-platform/replacement-guard); libs/platform/src/config/index.ts (@dynamodb-platform/platform)",
      "access: libs/platform/src/config/index.ts (@dynamodb-platform/platform); reads the outputs of @dynamodb-platform/data",
      "monitoring: libs/platform/src/config/index.ts (@dynamodb-platform/platform); reads the outputs of @dynamodb-platform/data",
    ]);
  });

  test("a file both the stack and its gates read counts as the stack's own: its outputs may change", () => {
    // data's Pulumi.prod.yaml is read by its program and by the policy pack and the guard that judge it.
    const err: string[] = [];
    main(["--explain", "--files", "stacks/data/Pulumi.prod.yaml"], ROOT, { out: () => undefined, err: (line) => err.push(line) });
    expect(err[0]).toBe("data: stacks/data/Pulumi.prod.yaml");
    expect(err.slice(1)).toEqual([expect.stringMatching(/^access: .*; reads the outputs of @dynamodb-platform\/data$/), expect.stringMatching(/^monitoring: .*; reads the outputs of @dynamodb-platform\/data$/)]);
  });
});

describe("only the data stack knows the table specs", () => {
  // The specs ship in the platform package every stack loads; what keeps monitoring and access
  // from knowing them is that their sources import none of the specs' exports.
  const PLATFORM = "@dynamodb-platform/platform";
  const exportedNames = (file: string): string[] =>
    [...fs.readFileSync(file, "utf8").matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) => namesIn(match[1]));
  const namesIn = (list: string): string[] =>
    list.split(",").map((name) => name.replace(/^\s*type\s+/, "").trim()).filter((name) => name !== "");
  const TABLE_SPEC_EXPORTS = exportedNames(path.join(ROOT, "libs/platform/src/table-specs/index.ts"));
  const sourcesOf = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "test" ? [] : sourcesOf(full);
      return entry.name.endsWith(".ts") ? [full] : [];
    });
  /** The table-spec names a stack's sources import from the platform package, as `file: name`. */
  const tableSpecImports = (stack: string): string[] =>
    sourcesOf(path.join(ROOT, "stacks", stack)).flatMap((file) =>
      [...fs.readFileSync(file, "utf8").matchAll(/import (?:type )?\{([^}]*)\} from "([^"]+)"/g)]
        .filter((match) => match[2] === PLATFORM)
        .flatMap((match) => namesIn(match[1]))
        .filter((name) => TABLE_SPEC_EXPORTS.includes(name))
        .map((name) => `${path.relative(ROOT, file)}: ${name}`),
    );

  test.each(["monitoring", "access"])("%s imports none of them (its sources)", (stack) => {
    expect(TABLE_SPEC_EXPORTS).toEqual(expect.arrayContaining(["PRODUCTION_TABLES", "physicalTableName", "TableSpec"]));
    expect(tableSpecImports(stack)).toEqual([]);
  });

  test("data does", () => {
    expect(tableSpecImports("data").some((entry) => entry.endsWith(": PRODUCTION_TABLES"))).toBe(true);
  });
});
