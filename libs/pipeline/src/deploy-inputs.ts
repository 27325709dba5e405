import * as path from "node:path";
import { minimatch } from "minimatch";
import type { NamedInputs, NxInput, Workspace, WorkspaceProject } from "./workspace";

/** The Nx target whose inputs say what a stack's deployed result is made of. */
export const DEPLOY_TARGET = "deploy";

/** File patterns of one project's inputs: a file counts when some `include` matches and no `exclude` does. */
interface FileSet {
  readonly project: string;
  /** Loaded only as a gate the deploy runs (policy pack, guard): it judges the stack, it builds nothing. */
  readonly gate: boolean;
  readonly include: string[];
  readonly exclude: string[];
}

/** What one deployable stack is made of, and whose outputs it reads. */
export interface StackDeployInputs {
  readonly project: WorkspaceProject;
  /** The stack itself and the workspace packages its program loads. */
  readonly program: readonly string[];
  /** The gates its deploy runs (policy pack, guard) and what they load, beyond the program's packages. */
  readonly gates: readonly string[];
  /** Deployable stacks whose outputs this stack reads (implicit dependencies that deploy). */
  readonly reads: readonly string[];
  readonly fileSets: readonly FileSet[];
}

/** A stack CI deploys: its project declares the deploy target (bootstrap, run by hand, does not). */
export const isDeployable = (project: WorkspaceProject): boolean => DEPLOY_TARGET in project.targets;

function requireProject(workspace: Workspace, name: string, from: string): WorkspaceProject {
  const project = workspace.projects.get(name);
  if (!project) throw new Error(`${from} names '${name}', which is not a package of this workspace`);
  return project;
}

/** The packages a project loads when it runs: its `dependencies`, transitively. */
function runtimeClosure(workspace: Workspace, start: string, into: Set<string>): void {
  if (into.has(start)) return;
  into.add(start);
  for (const dependency of requireProject(workspace, start, "a dependency list").dependencies) runtimeClosure(workspace, dependency, into);
}

/**
 * Everything whose change can alter what a stack's deploy does: the stack and the packages it
 * loads, and, for each implicit dependency that does not deploy (the policy pack and the guard,
 * which its deploy command runs), that package and what it loads.
 */
function deployClosure(workspace: Workspace, stack: WorkspaceProject): { program: string[]; gates: string[]; reads: string[] } {
  const program = new Set<string>();
  runtimeClosure(workspace, stack.name, program);
  const withGates = new Set(program);
  const reads: string[] = [];
  for (const implicit of stack.implicitDependencies) {
    const project = requireProject(workspace, implicit, `${stack.root}/package.json implicitDependencies`);
    if (isDeployable(project)) reads.push(implicit);
    else runtimeClosure(workspace, implicit, withGates);
  }
  return { program: [...program], gates: [...withGates].filter((name) => !program.has(name)), reads };
}

function namedInputsOf(workspace: Workspace, project: WorkspaceProject): NamedInputs {
  return { ...workspace.namedInputs, ...project.namedInputs };
}

/** Expands a project's inputs into file patterns relative to the workspace root, as Nx reads them. */
function expand(inputs: readonly NxInput[], project: WorkspaceProject, named: NamedInputs, set: FileSet, seen: Set<string>): void {
  for (const input of inputs) {
    if (typeof input !== "string") {
      throw new Error(`${project.root}: the ${DEPLOY_TARGET} input ${JSON.stringify(input)} is not a file pattern or named input, which is all affected-stacks reads`);
    }
    const negated = input.startsWith("!");
    const pattern = negated ? input.slice(1) : input;
    const file = /^\{(projectRoot|workspaceRoot)\}\/(.+)$/.exec(pattern);
    if (file) {
      const resolved = file[1] === "projectRoot" ? path.posix.join(project.root, file[2]) : file[2];
      (negated ? set.exclude : set.include).push(resolved);
    } else if (pattern in named) {
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      expand(named[pattern], project, named, set, seen);
    } else if (!pattern.startsWith("^")) {
      throw new Error(`${project.root}: the input '${input}' is neither a file pattern nor a named input of this project or nx.json`);
    }
  }
}

/** Inputs of the `^name` form: named inputs to expand in each project the stack's deploy loads. */
const dependencyInputs = (inputs: readonly NxInput[]): string[] =>
  inputs.flatMap((input) => (typeof input === "string" && input.startsWith("^") ? [input.slice(1)] : []));

export function stackDeployInputs(workspace: Workspace, stack: WorkspaceProject): StackDeployInputs {
  const inputs = stack.targets[DEPLOY_TARGET]?.inputs ?? workspace.targetDefaults[DEPLOY_TARGET]?.inputs;
  if (!inputs) throw new Error(`${stack.root}: its ${DEPLOY_TARGET} target has no inputs (nx.json targetDefaults.${DEPLOY_TARGET}.inputs)`);
  const { program, gates, reads } = deployClosure(workspace, stack);
  const own: FileSet = { project: stack.name, gate: false, include: [], exclude: [] };
  expand(inputs, stack, namedInputsOf(workspace, stack), own, new Set());
  const fileSets = [own];
  for (const name of [...program, ...gates].filter((member) => member !== stack.name)) {
    const project = requireProject(workspace, name, stack.name);
    const set: FileSet = { project: name, gate: gates.includes(name), include: [], exclude: [] };
    for (const named of dependencyInputs(inputs)) expand([named], project, namedInputsOf(workspace, project), set, new Set());
    fileSets.push(set);
  }
  return { project: stack, program, gates, reads, fileSets };
}

/**
 * Pulumi reads a project's Pulumi.yaml and only the Pulumi.<stack>.yaml of the stack it runs
 * (Pulumi docs, "Project file" and "Stack settings file"): another stack's settings change nothing here.
 */
function isOtherStackSettings(file: string, stack: string): boolean {
  const settings = /^Pulumi\.(.+)\.yaml$/.exec(path.posix.basename(file));
  return settings !== null && settings[1] !== stack;
}

/** How a file reaches a stack's deploy: through which project, and whether only as a gate. */
export interface DeployInputMatch {
  readonly project: string;
  readonly gate: boolean;
}

/** Whether this file is a deploy input of the stack, and through which project; undefined when not. */
export function deployInputMatch(inputs: StackDeployInputs, file: string, stack: string): DeployInputMatch | undefined {
  if (isOtherStackSettings(file, stack)) return undefined;
  const matches = (pattern: string) => minimatch(file, pattern, { dot: true });
  const sets = inputs.fileSets.filter((set) => set.include.some(matches) && !set.exclude.some(matches));
  if (sets.length === 0) return undefined;
  // A file of the program counts as such even when a gate reads it too (e.g. data's Pulumi.prod.yaml, read by the guard and the policy pack).
  return sets.find((set) => !set.gate) ?? sets[0];
}
