import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const WORKSPACE = path.resolve(__dirname, "..", "..", "..");

/**
 * A git repository holding a copy of this workspace's files (tracked and new, as `git ls-files`
 * lists them; `node_modules` linked), where a test commits changes and runs the workspace's
 * commands at any of its commits. Nothing is written into the checkout.
 */
export interface ScratchRepository {
  readonly root: string;
  /** Runs git in the copy and returns its output, trimmed. */
  git(...args: string[]): string;
  /** Writes a file, commits it with this message, returns the new commit. */
  commit(file: string, text: string, message: string): string;
  /**
   * Runs an npm script of the copy's package.json, a `node ...` command, as `npm run -s <script> -- <args>`
   * would, without npm's own start (the README commands test runs them through npm): exit code and output.
   */
  script(name: string, args: readonly string[]): { code: number; stdout: string; stderr: string };
  remove(): void;
}

export function scratchRepository(): ScratchRepository {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "affected-stacks-"));
  const root = path.join(sandbox, "repository");
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8", stdio: "pipe" }).trim();
  try {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: WORKSPACE, encoding: "utf8" })
      .split("\0")
      .filter((file) => file && fs.existsSync(path.join(WORKSPACE, file)));
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.copyFileSync(path.join(WORKSPACE, file), path.join(root, file));
    }
    fs.symlinkSync(path.join(WORKSPACE, "node_modules"), path.join(root, "node_modules"), "dir");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "workspace");
  } catch (error) {
    // A copy that failed half-way is removed here: the test never gets it to remove.
    fs.rmSync(sandbox, { recursive: true, force: true });
    throw error;
  }
  return {
    root,
    git,
    commit(file, text, message) {
      fs.writeFileSync(path.join(root, file), text);
      git("add", file);
      git("commit", "-q", "-m", message);
      return git("rev-parse", "HEAD");
    },
    script(name, args) {
      const outer = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("NX_") && !key.startsWith("npm_")));
      const scripts = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
      const [program, ...scriptArgs] = (scripts[name] ?? "").split(/\s+/);
      if (program !== "node") throw new Error(`npm script '${name}' is not a node command: '${scripts[name]}'`);
      try {
        const stdout = execFileSync(process.execPath, [...scriptArgs, ...args], { cwd: root, env: outer, encoding: "utf8", stdio: "pipe" });
        return { code: 0, stdout, stderr: "" };
      } catch (error) {
        const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
        return { code: status, stdout: String(stdout), stderr: String(stderr) };
      }
    },
    remove: () => fs.rmSync(sandbox, { recursive: true, force: true }),
  };
}
