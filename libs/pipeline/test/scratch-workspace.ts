import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * A copy of this workspace in a temporary folder (sources, stack files, Nx and package settings;
 * `node_modules` linked, not copied), where the real Nx CLI runs the stacks' targets with a
 * recording stand-in for `pulumi` on PATH. The targets write `dist/` files into the stack
 * folders; in the copy, nothing is written into the checkout.
 */
export interface ScratchWorkspace {
  readonly root: string;
  /** Runs Nx in the copy; `calls` are the stand-in's records: `<stack folder> <pulumi arguments>`. */
  nx(args: readonly string[], pulumi?: PulumiAnswer): NxRun;
  /** What Nx plans for these arguments (`--graph=stdout`): the tasks and what each waits for. Nothing runs. */
  plan(args: readonly string[]): PlannedTasks;
  /**
   * `nx affected -t <targets> --files=<all of them> --explain=stdout`: for each edited file, the tasks
   * Nx selects because of it (Nx lists every matched input of every task), from one Nx start.
   */
  affectedByFile(targets: readonly string[], files: readonly string[]): Record<string, string[]>;
  /** Deletes the copy and the stand-in's records. */
  remove(): void;
}

export interface NxRun {
  ok: boolean;
  calls: string[];
  output: string;
}

export interface PlannedTasks {
  /** Task ids, `<project>:<target>`, sorted. */
  tasks: string[];
  /** Each task's prerequisites (task ids, sorted). */
  waitsFor: Record<string, string[]>;
  /** The project graph's targets of each project, as Nx resolved them. */
  targetsOf: Record<string, string[]>;
}

/** How the stand-in answers `pulumi preview --json`: with this document, or by failing. */
export type PulumiAnswer = { previewDocument: string } | { previewFails: true };

const WORKSPACE = path.resolve(__dirname, "..", "..", "..");
const NOT_COPIED = new Set(["node_modules", ".git", ".nx", "dist", "coverage"]);
const NX_CLI = require.resolve("nx/bin/nx.js");

export function scratchWorkspace(): ScratchWorkspace {
  const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-targets-"));
  const root = path.join(sandbox, "workspace");
  const bin = path.join(sandbox, "bin");
  const callLog = path.join(sandbox, "calls.log");
  const answerFile = path.join(sandbox, "preview-answer.json");
  try {
    fs.cpSync(WORKSPACE, root, { recursive: true, filter: (source) => !NOT_COPIED.has(path.basename(source)) });
    fs.symlinkSync(path.join(WORKSPACE, "node_modules"), path.join(root, "node_modules"), "dir");
    fs.mkdirSync(bin);
    // Records the folder and arguments of every call; answers `preview --json` from answerFile, or
    // fails it (as a policy violation or an engine error would) when there is no answer.
    fs.writeFileSync(
      path.join(bin, "pulumi"),
      [
        "#!/bin/sh",
        `echo "$(basename "$PWD") $*" >> "${callLog}"`,
        'case " $* " in',
        `  *" --json "*) if [ -f "${answerFile}" ]; then cat "${answerFile}"; else echo "error: preview failed" >&2; exit 1; fi;;`,
        `  *" preview "*) if [ ! -f "${answerFile}" ]; then echo "policy violation: (stand-in)" >&2; exit 1; fi;;`,
        "esac",
        "",
      ].join("\n"),
      { mode: 0o755 },
    );
  } catch (error) {
    // A copy that failed half-way is removed here: the test never gets it to remove.
    fs.rmSync(sandbox, { recursive: true, force: true });
    throw error;
  }

  // Variables of an outer Nx run (npm test) would otherwise leak into these runs. Plugins load
  // in-process (NX_ISOLATE_PLUGINS=false): a third of the start-up time of an isolated plugin worker.
  const outer = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("NX_")));
  const env = {
    ...outer,
    PATH: `${bin}${path.delimiter}${outer["PATH"] ?? ""}`,
    NX_DAEMON: "false",
    NX_NO_CLOUD: "true",
    NX_SKIP_NX_CACHE: "true",
    NX_ISOLATE_PLUGINS: "false",
    NX_TUI: "false",
  };
  const run = (args: readonly string[]): { ok: boolean; stdout: string; output: string } => {
    try {
      const stdout = execFileSync(process.execPath, [NX_CLI, ...args], { cwd: root, env, encoding: "utf8", stdio: "pipe" });
      return { ok: true, stdout, output: stdout };
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      return { ok: false, stdout: String(stdout), output: `${String(stdout)}${String(stderr)}` };
    }
  };

  return {
    root,
    remove: () => fs.rmSync(sandbox, { recursive: true, force: true }),
    nx(args, pulumi = { previewDocument: JSON.stringify({ steps: [], changeSummary: { same: 4 } }) }) {
      fs.writeFileSync(callLog, "");
      if ("previewDocument" in pulumi) fs.writeFileSync(answerFile, pulumi.previewDocument);
      else fs.rmSync(answerFile, { force: true });
      const { ok, output } = run([...args, "--outputStyle=static"]);
      return { ok, output, calls: fs.readFileSync(callLog, "utf8").split("\n").filter(Boolean) };
    },
    plan(args) {
      const { ok, stdout, output } = run([...args, "--graph=stdout"]);
      if (!ok) throw new Error(`nx ${args.join(" ")} --graph=stdout failed:\n${output}`);
      // Nx 24 lists a task's prerequisites as edges `{ id, waitFor?, inputs? }` (`TaskGraphEdge`,
      // nx 24.0.7 dist/src/native/index.d.ts), not as task ids.
      const planned = JSON.parse(stdout) as {
        graph: { nodes: Record<string, { data: { targets?: Record<string, unknown> } }> };
        tasks: { tasks: Record<string, unknown>; dependencies: Record<string, { id: string }[]> };
      };
      return {
        tasks: Object.keys(planned.tasks.tasks).sort(),
        waitsFor: Object.fromEntries(Object.entries(planned.tasks.dependencies).map(([task, edges]) => [task, edges.map((edge) => edge.id).sort()])),
        targetsOf: Object.fromEntries(Object.entries(planned.graph.nodes).map(([name, node]) => [name, Object.keys(node.data.targets ?? {}).sort()])),
      };
    },
    affectedByFile(targets, files) {
      const args = ["affected", "-t", ...targets, `--files=${files.join(",")}`, "--explain=stdout"];
      const { ok, stdout, output } = run(args);
      if (!ok) throw new Error(`nx ${args.join(" ")} failed:\n${output}`);
      // Nx 24: { affected: { <task>: reasons }, upstream: { <task>: reasons } }; a reason names the
      // changed file that matched one of the task's inputs (nx dist/src/project-graph/affected/affected-reasons.js).
      const explained = JSON.parse(stdout) as { affected: Record<string, { kind: string; file?: string }[]>; upstream: Record<string, unknown[]> };
      // Tasks reached only through another task's outputs, or reasons naming no file, could not be
      // given to one file: refuse them rather than drop them.
      if (Object.keys(explained.upstream).length > 0) throw new Error(`tasks affected through other tasks: ${Object.keys(explained.upstream).join(", ")}`);
      const byFile: Record<string, string[]> = Object.fromEntries(files.map((file) => [file, []]));
      for (const [task, reasons] of Object.entries(explained.affected)) {
        for (const reason of reasons) {
          if (reason.file === undefined || !(reason.file in byFile)) throw new Error(`${task}: a reason that names no edited file: ${JSON.stringify(reason)}`);
          if (!byFile[reason.file].includes(task)) byFile[reason.file].push(task);
        }
      }
      return Object.fromEntries(Object.entries(byFile).map(([file, tasks]) => [file, tasks.sort()]));
    },
  };
}
