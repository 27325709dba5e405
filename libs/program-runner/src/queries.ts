import type { ProgramRun, RegisteredResource } from "./run-program";

export function resourcesOfType(run: ProgramRun, type: string): RegisteredResource[] {
  return run.resources.filter((resource) => resource.type === type);
}

export function resourceNamed(run: ProgramRun, type: string, name: string): RegisteredResource {
  const found = run.resources.find((resource) => resource.type === type && resource.name === name);
  if (!found) {
    const names = resourcesOfType(run, type).map((resource) => resource.name);
    throw new Error(`No ${type} named '${name}' was registered (registered: ${names.join(", ") || "none"})`);
  }
  return found;
}

/** Resources the cloud provider would create: not components, stacks or stack references. */
export function cloudResources(run: ProgramRun): RegisteredResource[] {
  return run.resources.filter((resource) => resource.custom && !resource.type.startsWith("pulumi:"));
}

/** Resources in a stable order (type, then name), whatever order the program registered them in. */
export function sortedResources<T extends { type: string; name: string }>(resources: readonly T[]): T[] {
  return [...resources].sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
}
