import * as path from "node:path";
import { parseArgs } from "node:util";
import { formatPlan } from "./format-plan";
import { checkPolicies, formatPolicyResults } from "./plan-policies";
import { planStacks, StackPlanFailure } from "./plan-stacks";
import { discoverStackProjects, loadStackProgram, requireStackFiles } from "./stack-projects";
import { writePlanJson } from "./write-plan";

const ROOT = path.resolve(__dirname, "..", "..", "..");

const USAGE = "Usage: npm start [-- --stack <dev|prod>] [--out <folder for the JSON plan, default dist/plan/<stack>>]";

/** Where `npm start` prints: the plan and policy results, and the one line that stops it. */
export interface StartOutput {
  log(text: string): void;
  error(text: string): void;
}

function readArgs(argv: readonly string[]): { stack: string; out: string | undefined } {
  let stack: string;
  let out: string | undefined;
  try {
    ({ values: { stack, out } } = parseArgs({ args: [...argv], options: { stack: { type: "string", default: "dev" }, out: { type: "string" } }, strict: true }));
  } catch (error) {
    throw new Error(`${(error as Error).message}. ${USAGE}`, { cause: error });
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(stack)) throw new Error(`'${stack}' is not a stack name. ${USAGE}`);
  return { stack, out };
}

async function plan(argv: readonly string[], output: StartOutput): Promise<number> {
  const { stack, out } = readArgs(argv);
  const projects = discoverStackProjects(path.join(ROOT, "stacks"));
  requireStackFiles(projects, stack);
  let planned;
  try {
    planned = await planStacks({ stack, projects, programFor: (project) => loadStackProgram(project.dir) });
  } catch (error) {
    if (!(error instanceof StackPlanFailure)) throw error;
    output.error(`Plan of stack '${stack}' stopped in ${error.message}`);
    return 1;
  }
  const jsonDir = out ? path.resolve(out) : path.join(ROOT, "dist", "plan", stack);
  writePlanJson(jsonDir, planned);
  output.log(formatPlan(stack, planned, ROOT, jsonDir));
  const policyResults = await checkPolicies(stack, planned);
  output.log(`\n${formatPolicyResults(policyResults)}`);
  // Mandatory policies fail a real preview; the offline plan fails the same way.
  return policyResults.some((result) => result.violations.length > 0) ? 1 : 0;
}

/**
 * `npm start [-- --stack <stack>] [--out <folder>]`: plans every stack offline and checks every
 * policy. The exit code: 0 planned and every policy passed, 1 a plan or a policy failed, 2 not
 * started (bad arguments, a stack without its files).
 */
export async function startCommand(argv: readonly string[], output: StartOutput = console): Promise<number> {
  try {
    return await plan(argv, output);
  } catch (error) {
    output.error(`Plan not started: ${(error as Error).message}`);
    return 2;
  }
}
