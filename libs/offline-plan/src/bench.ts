import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DATA_PROJECT } from "@dynamodb-platform/platform";
import type { StackProgram } from "@dynamodb-platform/program-runner";
import { planStacks } from "./plan-stacks";
import { discoverStackProjects, loadStackProgram } from "./stack-projects";

/**
 * Benchmark (prints numbers, asserts nothing): the offline plan of all stacks for the three real
 * tables and for 30 and 80 generated ones (the most the monitoring stack's one dashboard can graph:
 * CloudWatch allows 2,500 metrics a dashboard; the 81st table is refused), then the time of `npm test` cold (empty Nx
 * and jest caches of the benchmark's own, as in a fresh clone) with its split into lint, typecheck and tests, and warm
 * (every task replayed from the Nx cache). `npm run bench -- --plan-only` skips the npm test timings.
 */
const ROOT = path.resolve(__dirname, "..", "..", "..");
const REPEATS = 3;

interface GeneratedSpec {
  key: string;
  hashKey: { name: string; type: "S" };
  stream?: "NEW_AND_OLD_IMAGES";
}

/** Tables shaped like the real ones: one in three with a stream (its readers get stream access). */
function generatedSpecs(count: number): GeneratedSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `table${i}`,
    hashKey: { name: "id", type: "S" },
    ...(i % 3 === 0 ? { stream: "NEW_AND_OLD_IMAGES" as const } : {}),
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function planSeconds(specs: GeneratedSpec[] | undefined): Promise<{ seconds: number; resources: number }> {
  const projects = discoverStackProjects(path.join(ROOT, "stacks"));
  const programFor = (project: { project: string; dir: string }): StackProgram => {
    const program = loadStackProgram(project.dir);
    if (project.project !== DATA_PROJECT || !specs) return program;
    // The data stack's program takes the table specs to build (the production ones by default).
    return () => (program as (tables: GeneratedSpec[]) => Promise<object>)(specs);
  };
  const times: number[] = [];
  let resources = 0;
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    const planned = await planStacks({ stack: "dev", projects, programFor });
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
    resources = planned.reduce((sum, stack) => sum + stack.run.resources.length, 0);
  }
  return { seconds: median(times), resources };
}

/** The caches `npm test` fills: each in a folder of the benchmark's own, so "cold" starts from nothing. */
interface Caches {
  /** Nx's task results (replayed on a hit). */
  nx: string;
  /** Nx's project graph and task history, as a fresh clone has none. */
  nxWorkspaceData: string;
  /** The temporary folder: jest keeps its transform cache there (`cacheDirectory`, default `<tmpdir>/jest_*`), and `npm test` V8's compile cache (NODE_COMPILE_CACHE). */
  tmp: string;
}

interface NpmTestRun {
  seconds: number;
  /** Seconds of each Nx task (`<project>:<target>`), from Nx's performance profile (NX_PROFILE). */
  tasks: Map<string, number>;
}

/** One `npm test` with these caches, timed; Nx writes each task's span to a profile. */
function timeNpmTest(caches: Caches, profile: string): NpmTestRun {
  // From the caller's shell these would replay the user's cache or skip the benchmark's.
  const inherited = Object.entries(process.env).filter(([key]) => !key.startsWith("NX_") && key !== "TMPDIR" && key !== "NODE_COMPILE_CACHE");
  const env = {
    ...Object.fromEntries(inherited),
    NX_DAEMON: "false",
    NX_NO_CLOUD: "true",
    NX_CACHE_DIRECTORY: caches.nx,
    NX_WORKSPACE_DATA_DIRECTORY: caches.nxWorkspaceData,
    NX_PROFILE: profile,
    TMPDIR: caches.tmp,
  };
  const started = process.hrtime.bigint();
  execSync("npm test", { cwd: ROOT, stdio: "ignore", env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // A Chrome trace: one complete event (`dur`, microseconds) per task.
  const events = JSON.parse(fs.readFileSync(profile, "utf8")) as { name?: string; dur?: number }[];
  const tasks = new Map(events.filter((event) => event.name && event.dur).map((event) => [String(event.name), (event.dur ?? 0) / 1e6]));
  return { seconds, tasks };
}

/** Task seconds per target: lint, typecheck, and the jest tests of every project (summed; they overlap in time). */
function splitByTarget(tasks: Map<string, number>): { target: string; tasks: number; seconds: number; longest: string }[] {
  const byTarget = new Map<string, { tasks: number; seconds: number; longest: [string, number] }>();
  for (const [task, seconds] of tasks) {
    const target = task.slice(task.lastIndexOf(":") + 1);
    const entry = byTarget.get(target) ?? { tasks: 0, seconds: 0, longest: ["", 0] };
    entry.tasks += 1;
    entry.seconds += seconds;
    if (seconds > entry.longest[1]) entry.longest = [task, seconds];
    byTarget.set(target, entry);
  }
  return ["lint", "typecheck", "test"]
    .filter((target) => byTarget.has(target))
    .map((target) => {
      const { tasks: count, seconds, longest } = byTarget.get(target)!;
      return { target, tasks: count, seconds, longest: `${longest[0]} ${longest[1].toFixed(1)} s` };
    });
}

async function main(): Promise<void> {
  console.log(`Offline plan of all stacks (stack dev), median of ${REPEATS} runs in one process`);
  console.log("tables  registered-resources  seconds  ms/table  ratio-to-3-tables");
  const rows: [number, GeneratedSpec[] | undefined][] = [[3, undefined], [30, generatedSpecs(30)], [80, generatedSpecs(80)]];
  let baseline = 0;
  for (const [tables, specs] of rows) {
    const { seconds, resources } = await planSeconds(specs);
    baseline ||= seconds;
    console.log(
      `${String(tables).padStart(6)}  ${String(resources).padStart(20)}  ${seconds.toFixed(3).padStart(7)}  ${((seconds * 1000) / tables).toFixed(1).padStart(8)}  ${(seconds / baseline).toFixed(2).padStart(17)}`,
    );
  }
  if (process.argv.includes("--plan-only")) return;
  console.log(`\nnpm test (root lint and typecheck, every project's jest tests, through Nx) on Node ${process.versions.node}, ${os.availableParallelism()} cores`);
  // Folders of its own: the cold run starts from empty Nx, jest and compile caches, and the user's are left alone.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-npm-test-"));
  const caches: Caches = { nx: path.join(scratch, "nx-cache"), nxWorkspaceData: path.join(scratch, "nx-workspace-data"), tmp: path.join(scratch, "tmp") };
  fs.mkdirSync(caches.tmp);
  try {
    const cold = timeNpmTest(caches, path.join(scratch, "cold-profile.json"));
    const warm = timeNpmTest(caches, path.join(scratch, "warm-profile.json"));
    console.log(`cold (empty Nx, jest and compile caches): ${cold.seconds.toFixed(1)} s`);
    for (const { target, tasks, seconds, longest } of splitByTarget(cold.tasks)) {
      console.log(`  ${target.padEnd(9)} ${String(tasks).padStart(2)} task(s) ${seconds.toFixed(1).padStart(6)} s of task time${tasks > 1 ? ` (longest: ${longest})` : ""}`);
    }
    console.log(`warm (every task replayed from the Nx cache): ${warm.seconds.toFixed(1)} s`);
    console.log(`speed-up: ${(cold.seconds / warm.seconds).toFixed(1)}x`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
