import { scratchWorkspace, type ScratchWorkspace } from "./scratch-workspace";

/**
 * A test whose project does not name the workspace files it reads is neither selected by
 * `nx affected -t test` nor re-run (Nx replays its cached pass) after those files change. These
 * edits are the ones the tests of this workspace read outside their own project folder.
 */
const EDITED = [
  ".github/workflows/infra.yml",
  "libs/policies/pack/index.js",
  "nx.json",
  "stacks/data/Pulumi.prod.yaml",
  "stacks/monitoring/package.json",
  "README.md",
  "docs/decisions/policy-pack.md",
  "docs/decisions/ci-identities.md",
];

let workspace: ScratchWorkspace;
/** The test tasks Nx selects because of each edited file: one Nx start for all of them. */
let selectedBy: Record<string, string[]>;
beforeAll(() => {
  workspace = scratchWorkspace();
  selectedBy = workspace.affectedByFile(["test"], EDITED);
});
afterAll(() => workspace.remove());

const project = (name: string) => `@dynamodb-platform/${name}`;
/** The projects whose tests `nx affected -t test` runs after an edit of these files. */
function testsAfterEditing(...files: string[]): string[] {
  return [...new Set(files.flatMap((file) => selectedBy[file]))].sort().map((task) => task.replace(/:test$/, ""));
}

describe("nx affected -t test selects the tests that read an edited workspace file", () => {
  test("the workflow: the pipeline tests, not the stacks' own", () => {
    const selected = testsAfterEditing(".github/workflows/infra.yml");
    expect(selected).toContain(project("pipeline"));
    expect(selected).not.toContain(project("data"));
  });

  test("the policy pack's entry, which the pipeline checks start as the CLI does: the pipeline tests", () => {
    expect(testsAfterEditing("libs/policies/pack/index.js")).toContain(project("pipeline"));
  });

  test("nx.json: every project's tests (Nx hashes nx.json into every task), so the Nx target checks too", () => {
    const everyTest = workspace.plan(["run-many", "-t", "test"]).tasks.map((task) => task.replace(/:test$/, ""));
    expect(testsAfterEditing("nx.json")).toEqual(everyTest);
    expect(everyTest).toContain(project("pipeline"));
  });

  test("the data stack's Pulumi.prod.yaml: the data stack's tests and every test that reads that file", () => {
    const selected = testsAfterEditing("stacks/data/Pulumi.prod.yaml");
    expect(selected).toEqual(
      expect.arrayContaining(
        [
          "data",
          "operator-tools", // verify, adoption-report and cost-report read the data stack's context
          "replacement-guard", // the guard's data stack context
          "testing", // example outputs derived from the stack file
          "bootstrap", // the stacks it serves
          "offline-plan",
          "policies", // policy config from the stack files
          "pipeline", // the Nx targets write the policy config from it
        ].map(project),
      ),
    );
    // Tests that read no stack file stay cached.
    for (const untouched of ["platform", "access-policy", "program-runner"]) expect(selected).not.toContain(project(untouched));
    // What --explain gives one file is what `nx affected` selects when only that file is edited.
    expect(workspace.plan(["affected", "-t", "test", "--files=stacks/data/Pulumi.prod.yaml"]).tasks).toEqual(selectedBy["stacks/data/Pulumi.prod.yaml"]);
  });

  test("a stack's package.json (its Nx Pulumi targets): the pipeline tests", () => {
    const selected = testsAfterEditing("stacks/monitoring/package.json");
    expect(selected).toEqual(expect.arrayContaining([project("monitoring"), project("pipeline")]));
    expect(selected).not.toContain(project("data"));
  });

  test("the README: only the pipeline tests that run its commands, so no stack deploys", () => {
    const selected = testsAfterEditing("README.md");
    expect(selected).toEqual([project("pipeline")]);
  });

  test("a decision record: only the pipeline tests that check it against the code (role table, policy list), so no stack deploys", () => {
    expect(testsAfterEditing("docs/decisions/policy-pack.md")).toEqual([project("pipeline")]);
    expect(testsAfterEditing("docs/decisions/ci-identities.md")).toEqual([project("pipeline")]);
  });
});
