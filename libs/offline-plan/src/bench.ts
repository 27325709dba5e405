import { execSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DATA_PROJECT } from "@dynamodb-platform/data-contract";
import type { StackProgram } from "@dynamodb-platform/program-runner";
import { planStacks } from "./plan-stacks";
import { discoverStackProjects, loadStackProgram } from "./stack-projects";

/**
 * Benchmark (prints numbers, asserts nothing): the offline plan of all stacks for the three real
 * tables and for 30 and 80 generated ones (the most the monitoring stack's one dashboard can graph:
 * CloudWatch allows 2,500 metrics a dashboard; the 81st table is refused), then the cold (empty Nx cache) and warm (every task
 * replayed from the Nx cache) time of `npm test`. `npm run bench -- --plan-only` skips the npm test timings.
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

/** Seconds `npm test` takes with this Nx cache folder (a fresh one: every task runs; a filled one: every task replays). */
function timeNpmTest(cacheDirectory: string): number {
  // NX_SKIP_NX_CACHE from the caller's shell would turn the warm run into a cold one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "NX_SKIP_NX_CACHE"));
  const started = process.hrtime.bigint();
  execSync("npm test", { cwd: ROOT, stdio: "ignore", env: { ...env, NX_DAEMON: "false", NX_CACHE_DIRECTORY: cacheDirectory } });
  return Number(process.hrtime.bigint() - started) / 1e9;
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
  console.log("\nnpm test (root lint and typecheck, every project's jest tests, through Nx)");
  // A cache folder of its own: the cold run starts from nothing, and the user's cache is left alone.
  const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "bench-nx-cache-"));
  try {
    const cold = timeNpmTest(cacheDirectory);
    const warm = timeNpmTest(cacheDirectory);
    console.log(`cold (empty Nx cache): ${cold.toFixed(1)} s`);
    console.log(`warm (Nx cache hits):  ${warm.toFixed(1)} s`);
    console.log(`speed-up:              ${(cold / warm).toFixed(1)}x`);
  } finally {
    fs.rmSync(cacheDirectory, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
