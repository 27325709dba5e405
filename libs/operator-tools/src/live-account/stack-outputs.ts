import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { LiveAccountError } from "./live-account-error";

/** Runs a command and returns its stdout; injectable so tests never start the Pulumi CLI. */
export type CommandRunner = (command: string, args: readonly string[], cwd: string) => Promise<string>;

const execFileAsync = promisify(execFile);

const runCommand: CommandRunner = async (command, args, cwd) => {
  const { stdout } = await execFileAsync(command, [...args], { cwd, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
};

export type StackOutputsResult =
  | { readonly deployed: true; readonly outputs: Record<string, unknown> }
  | { readonly deployed: false; readonly reason: string };

/**
 * `pulumi stack output --json` prints one JSON object of the outputs. Anything else (a warning or
 * banner printed before it, a truncated answer) is refused in one line quoting where it went wrong,
 * never guessed around.
 */
function parseOutputs(stdout: string, projectDir: string, stack: string): Record<string, unknown> {
  const text = stdout.trim() || "{}";
  const where = `pulumi stack output --json --stack ${stack} (in ${projectDir})`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const first = text.split("\n")[0].slice(0, 120);
    throw new LiveAccountError(`${where} printed something that is not the JSON of the outputs, starting with '${first}': run it by hand to see what else it prints, and run again`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new LiveAccountError(`${where} printed ${Array.isArray(parsed) ? "a JSON array" : `a JSON ${typeof parsed}`}, not the object of the stack's outputs`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * A stack's outputs through `pulumi stack output --json` (the CLI reads whichever backend the
 * operator is logged in to). A stack that does not exist, or exists with no outputs, is reported
 * as not deployed; a missing CLI is a LiveAccountError.
 */
export async function readStackOutputs(projectDir: string, stack: string, run: CommandRunner = runCommand): Promise<StackOutputsResult> {
  let stdout: string;
  try {
    stdout = await run("pulumi", ["stack", "output", "--json", "--show-secrets", "--stack", stack], projectDir);
  } catch (error) {
    const failure = error as { code?: string | number; stderr?: string; message?: string };
    if (failure.code === "ENOENT") {
      throw new LiveAccountError("the Pulumi CLI is not installed or not on PATH: install it (https://www.pulumi.com/docs/install/) and run again");
    }
    const text = `${failure.stderr ?? ""} ${failure.message ?? ""}`;
    if (/no stack named|stack .* not found|no such stack/i.test(text)) {
      return { deployed: false, reason: `stack '${stack}' does not exist in ${projectDir} (run 'pulumi stack init ${stack}' and deploy it)` };
    }
    const firstLine = text.trim().split("\n")[0] ?? "";
    throw new LiveAccountError(`pulumi stack output --stack ${stack} failed in ${projectDir}: ${firstLine}`);
  }
  const outputs = parseOutputs(stdout, projectDir, stack);
  if (Object.keys(outputs).length === 0) {
    return { deployed: false, reason: `stack '${stack}' in ${projectDir} has no outputs: it has not been deployed` };
  }
  return { deployed: true, outputs };
}
