import { MOCK_ORGANIZATION, runProgram, type ProgramRun, type StackProgram } from "@dynamodb-platform/program-runner";
import type { StackProject } from "./stack-projects";

/** A stack that could not be planned: names the project and keeps the program's own error. */
export class StackPlanFailure extends Error {
  constructor(
    readonly project: string,
    readonly failure: unknown,
  ) {
    super(`${project}: ${failure instanceof Error ? failure.message : String(failure)}`);
    this.name = "StackPlanFailure";
  }
}

export interface PlannedStack {
  readonly project: string;
  readonly dir: string;
  readonly run: ProgramRun;
  readonly seconds: number;
}

export interface PlanOptions {
  readonly stack: string;
  readonly projects: readonly StackProject[];
  /** The program of each project; by default the CLI's entry point is loaded. */
  readonly programFor: (project: StackProject) => StackProgram;
  /** Config changes on top of each project's stack file, by project name (runProgram's configOverrides). */
  readonly configOverrides?: Readonly<Record<string, Readonly<Record<string, string | undefined>>>>;
}

/**
 * Plans each project in order with its `Pulumi.<stack>.yaml`. The planned outputs of each stack
 * are what later stacks get from their StackReferences, as they would from a deployed stack.
 */
export async function planStacks(options: PlanOptions): Promise<PlannedStack[]> {
  const planned: PlannedStack[] = [];
  const stackOutputs: Record<string, Record<string, unknown>> = {};
  for (const project of options.projects) {
    const started = process.hrtime.bigint();
    const run = await runProgram({
      stackDir: project.dir,
      stack: options.stack,
      program: options.programFor(project),
      stackOutputs,
      configOverrides: options.configOverrides?.[project.project],
    }).catch((failure: unknown) => {
      throw new StackPlanFailure(project.project, failure);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    stackOutputs[`${MOCK_ORGANIZATION}/${project.project}/${options.stack}`] = run.outputs;
    planned.push({ project: project.project, dir: project.dir, run, seconds });
  }
  return planned;
}
