import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { scratchWorkspace, type ScratchWorkspace } from "./scratch-workspace";

/**
 * Every command the README names, checked as a newcomer would type it. What runs offline runs (in a
 * scratch copy of the workspace); an Nx command is planned by the real Nx CLI, not run (what its
 * Pulumi targets run is held by nx-pulumi-targets.test.ts); an operator tool that needs AWS runs
 * until its first AWS or Pulumi call, which fails without credentials, and must not have refused
 * its arguments first.
 */
const WORKSPACE = path.resolve(__dirname, "..", "..", "..");
const README = fs.readFileSync(path.join(WORKSPACE, "README.md"), "utf8");
const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.join(WORKSPACE, "package.json"), "utf8")) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

/** The shell commands of the README's `sh` blocks (one per line or `&&` part, comments dropped) and its inline `npm`/`npx` code spans. */
function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const [, block] of markdown.matchAll(/^\s*```sh\n([\s\S]*?)^\s*```/gm)) {
    for (const line of block.split("\n")) {
      const command = line.replace(/\s#.*$/, "").trim();
      if (command) commands.push(...command.split(" && ").map((part) => part.trim()));
    }
  }
  for (const [, span] of markdown.matchAll(/`((?:npm|npx) [^`]+)`/g)) commands.push(span.trim());
  return [...new Set(commands)];
}

/** The Nx arguments of an npm script that runs Nx (`[VAR=value ...] nx <args>`), or undefined. */
function nxArgsOf(script: string): string[] | undefined {
  const words = (ROOT_PACKAGE.scripts[script] ?? "").split(/\s+/);
  const nx = words.findIndex((word) => !/^[A-Z_]+=/.test(word));
  return words[nx] === "nx" ? words.slice(nx + 1) : undefined;
}

/** `npm [run [-s]] <script> [-- args]` → the script and its arguments; undefined for anything else. */
function npmScript(command: string): { script: string; args: string[] } | undefined {
  const match = /^npm (?:run (?:-s )?)?([a-z][a-z-]*)(?: -- (.*))?$/.exec(command);
  if (!match || match[1] === "ci" || (command.startsWith("npm run") === false && !["start", "test"].includes(match[1]))) return undefined;
  return { script: match[1], args: match[2] ? match[2].split(/\s+/) : [] };
}

let workspace: ScratchWorkspace;
let sandbox: string;
/** No credentials, no instance metadata, no reachable endpoint, a `pulumi` that knows no stack: nothing here can reach AWS or a state backend. */
let offlineEnv: NodeJS.ProcessEnv;
beforeAll(() => {
  workspace = scratchWorkspace();
  sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "readme-commands-"));
  const bin = path.join(sandbox, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, "pulumi"), "#!/bin/sh\necho 'error: no stack (offline stand-in)' >&2\nexit 255\n", { mode: 0o755 });
  const outer = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_") && !key.startsWith("NX_") && !key.startsWith("PULUMI_")));
  offlineEnv = {
    ...outer,
    PATH: `${bin}${path.delimiter}${outer["PATH"] ?? ""}`,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(sandbox, "no-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(sandbox, "no-credentials"),
    AWS_ENDPOINT_URL: "http://127.0.0.1:9",
    AWS_MAX_ATTEMPTS: "1",
  };
});
afterAll(() => {
  workspace.remove();
  fs.rmSync(sandbox, { recursive: true, force: true });
});

jest.setTimeout(120_000);

function runNpm(args: readonly string[]): { code: number; output: string } {
  try {
    const output = execFileSync("npm", [...args], { cwd: workspace.root, env: offlineEnv, encoding: "utf8", stdio: "pipe", timeout: 90_000 });
    return { code: 0, output };
  } catch (error) {
    const { status, stdout, stderr } = error as { status: number | null; stdout: string; stderr: string };
    return { code: status ?? -1, output: `${String(stdout)}${String(stderr)}` };
  }
}

/** What a tool prints when it refuses its command line: Node's parseArgs messages, or the tool's usage line. */
const REFUSED_ARGUMENTS = /Unknown option|argument missing|does not take an argument|Unexpected argument|\busage\b/i;

/**
 * Nx accepts these arguments and plans what they name (`--graph=stdout`: nothing runs): the task of
 * `run <project>:<target>`, or for `-t <targets>` at least one task of each target.
 */
function expectPlannedTargets(nxArgs: readonly string[]): void {
  const { tasks } = workspace.plan(nxArgs);
  if (nxArgs[0] === "run") {
    expect(tasks).toContain(nxArgs[1]);
    return;
  }
  const targetFlag = nxArgs.indexOf("-t");
  const targets = targetFlag < 0 ? [] : nxArgs.slice(targetFlag + 1).filter((arg) => !arg.startsWith("-"));
  expect(targets.length).toBeGreaterThan(0);
  for (const target of targets) expect(tasks.filter((task) => task.endsWith(`:${target}`)).length).toBeGreaterThan(0);
}

const commands = readmeCommands(README);

describe("the README's commands", () => {
  test("the README names the set-up commands and every command is one this test knows how to check", () => {
    expect(commands).toEqual(expect.arrayContaining(["npm ci", "npm start", "npm test"]));
    const unchecked = commands.filter((command) => command !== "npm ci" && !npmScript(command) && !command.startsWith("npx nx "));
    expect(unchecked).toEqual([]);
  });

  test("npm ci: the lock file matches package.json, so it installs exactly what the workspace declares", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(WORKSPACE, "package-lock.json"), "utf8")) as { packages: Record<string, { devDependencies?: Record<string, string> }> };
    expect(lock.packages[""].devDependencies).toEqual(ROOT_PACKAGE.devDependencies);
  });

  test.each(commands.filter((command) => /^npm start\b/.test(command)))("%s: plans every stack offline and every policy passes", (command) => {
    const { args } = npmScript(command)!;
    const { code, output } = runNpm(["start", ...(args.length ? ["--", ...args] : [])]);
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining("Totals: ") as unknown });
    const stack = args.includes("--stack") ? args[args.indexOf("--stack") + 1] : "dev";
    expect(output).toContain(`Offline plan of stack '${stack}'`);
    for (const project of ["dynamodb-data", "dynamodb-monitoring", "dynamodb-access", "dynamodb-bootstrap"]) {
      expect(output).toMatch(new RegExp(`${project}: \\d+ resources checked, all passed`));
    }
  });

  test.each(commands.filter((command) => npmScript(command) && nxArgsOf(npmScript(command)!.script)))(
    "%s: an Nx command whose targets exist on the workspace's projects",
    (command) => {
      expectPlannedTargets(nxArgsOf(npmScript(command)!.script)!.filter((arg) => !arg.startsWith("--output-style")));
    },
  );

  const scriptsNamed = commands.filter((command) => npmScript(command)?.args.length === 0);
  test.each(scriptsNamed)("%s: the script exists", (command) => {
    expect(Object.keys(ROOT_PACKAGE.scripts)).toContain(npmScript(command)!.script);
  });

  // A tool named with arguments is an invocation: run it.
  const toolCommands = commands.filter((command) => {
    const parsed = npmScript(command);
    return parsed && parsed.args.length > 0 && parsed.script !== "start" && !nxArgsOf(parsed.script);
  });

  test.each(toolCommands)("%s: the script exists and the tool accepts these arguments (it stops only at the missing credentials)", (command) => {
    const { script, args } = npmScript(command)!;
    expect(Object.keys(ROOT_PACKAGE.scripts)).toContain(script);
    const asWritten = runNpm(["run", "-s", script, "--", ...args]);
    expect(asWritten.output).not.toMatch(REFUSED_ARGUMENTS);
    // No credentials: it stops with the one-line error of a live-account tool (exit 2), not a crash.
    expect(asWritten.code).toBe(2);
    expect(asWritten.output).not.toMatch(/^\s+at /m);
    // The same tool refuses a flag it does not have, so the check above can see a refusal.
    const misspelled = runNpm(["run", "-s", script, "--", ...args, "--not-an-option-of-this-tool"]);
    expect(misspelled.output).toMatch(REFUSED_ARGUMENTS);
  });

  // Planned, not run: what the targets run (the pulumi calls, --stack, the guard) is held by the real
  // Nx runs of nx-pulumi-targets.test.ts; a second run here would only repeat them.
  test.each(commands.filter((command) => command.startsWith("npx nx ")))("%s: Nx accepts it and plans the Pulumi targets it names", (command) => {
    expectPlannedTargets(command.split(/\s+/).slice(2));
  });
});

describe("reading the README's commands", () => {
  test("sh blocks (comments and && split) and inline npm/npx spans, once each", () => {
    const markdown = ["```sh", "npm ci && npm start   # plan", "", "npm test", "```", "Run `npm run -s verify -- --stack prod` or `npm start`; `pulumi up` is prose."].join("\n");
    expect(readmeCommands(markdown)).toEqual(["npm ci", "npm start", "npm test", "npm run -s verify -- --stack prod"]);
  });

  test("npm scripts with and without -s, with and without arguments", () => {
    expect(npmScript("npm run -s verify -- --stack prod")).toEqual({ script: "verify", args: ["--stack", "prod"] });
    expect(npmScript("npm run guard")).toEqual({ script: "guard", args: [] });
    expect(npmScript("npm start -- --stack prod")).toEqual({ script: "start", args: ["--stack", "prod"] });
    expect(npmScript("npm ci")).toBeUndefined();
    expect(npmScript("npm install left-pad")).toBeUndefined();
  });
});
