import * as path from "node:path";
import { deployInputMatch, isDeployable, stackDeployInputs, type StackDeployInputs } from "./deploy-inputs";
import type { Workspace } from "./workspace";

/** One stack to deploy and why: the changed files that are its deploy inputs, or the stacks it reads. */
export interface SelectedStack {
  /** The stack's folder name under the workspace (`data`, `monitoring`, ...). */
  readonly stack: string;
  readonly project: string;
  readonly because: readonly string[];
}

/**
 * Stacks in deploy order: a stack after every stack whose outputs it reads, otherwise by name.
 * Fails on a cycle, which no deploy order could satisfy.
 */
function deployOrder(all: readonly StackDeployInputs[]): StackDeployInputs[] {
  const ordered: StackDeployInputs[] = [];
  const placed = new Set<string>();
  const pending = [...all].sort((a, b) => a.project.root.localeCompare(b.project.root));
  while (pending.length > 0) {
    const next = pending.findIndex((stack) => stack.reads.every((source) => placed.has(source)));
    if (next < 0) throw new Error(`these stacks read each other's outputs, so none can deploy first: ${pending.map((s) => s.project.name).join(", ")}`);
    const [stack] = pending.splice(next, 1);
    ordered.push(stack);
    placed.add(stack.project.name);
  }
  return ordered;
}

export function deployableStacks(workspace: Workspace): StackDeployInputs[] {
  return deployOrder([...workspace.projects.values()].filter(isDeployable).map((project) => stackDeployInputs(workspace, project)));
}

/**
 * The stacks whose deployed result these changed files can alter, in deploy order: each stack
 * whose deploy inputs (Nx `deploy` target inputs, over the packages its program loads and the gates
 * its deploy runs) include a changed file; then every stack that reads the outputs of a stack whose
 * program changed, since those outputs may have changed. A change of a gate alone (the guard)
 * re-judges its stack but changes none of its outputs.
 */
export function selectStacks(workspace: Workspace, changedFiles: readonly string[], stack: string): SelectedStack[] {
  const reasons = new Map<string, string[]>();
  const programChanged = new Set<string>();
  const stacks = deployableStacks(workspace);
  for (const inputs of stacks) {
    for (const file of changedFiles) {
      const match = deployInputMatch(inputs, file, stack);
      if (match === undefined) continue;
      const because = reasons.get(inputs.project.name) ?? [];
      because.push(match.project === inputs.project.name ? file : `${file} (${match.gate ? "gate " : ""}${match.project})`);
      reasons.set(inputs.project.name, because);
      if (!match.gate) programChanged.add(inputs.project.name);
    }
  }
  for (const inputs of stacks) {
    const changedSources = inputs.reads.filter((source) => programChanged.has(source));
    if (changedSources.length === 0) continue;
    const because = reasons.get(inputs.project.name) ?? [];
    because.push(...changedSources.map((source) => `reads the outputs of ${source}`));
    reasons.set(inputs.project.name, because);
    programChanged.add(inputs.project.name);
  }
  return stacks
    .filter((inputs) => reasons.has(inputs.project.name))
    .map((inputs) => ({ stack: path.posix.basename(inputs.project.root), project: inputs.project.name, because: reasons.get(inputs.project.name)! }));
}
