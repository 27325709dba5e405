import { resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { ROLE, ROLE_POLICY } from "./run-bootstrap-stack";
import { simulate, type Request, type Verdict } from "@dynamodb-platform/testing";

export const ACCOUNT = "123456789012";
export const BUCKET = `arn:aws:s3:::pulumi-state-${ACCOUNT}-ap-southeast-2`;
export const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT}:policy/dynamodb-platform-access-boundary`;
export const table = (name: string) => `arn:aws:dynamodb:ap-southeast-2:${ACCOUNT}:table/${name}`;
export const alarm = (name: string) => `arn:aws:cloudwatch:ap-southeast-2:${ACCOUNT}:alarm:${name}`;
export const topic = (name: string) => `arn:aws:sns:ap-southeast-2:${ACCOUNT}:${name}`;
export const dashboard = (name: string) => `arn:aws:cloudwatch::${ACCOUNT}:dashboard/${name}`;
export const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const state = (key: string) => `${BUCKET}/.pulumi/${key}`;

const parsedPolicies = new WeakMap<ProgramRun, Map<string, unknown>>();

/** The inline policy a bootstrap role received, as AWS would store it (parsed once per run: the simulator reuses its validation). */
export function policyOf(run: ProgramRun, roleName: string): unknown {
  const parsed = parsedPolicies.get(run) ?? parsedPolicies.set(run, new Map()).get(run)!;
  if (parsed.has(roleName)) return parsed.get(roleName);
  const found = resourcesOfType(run, ROLE_POLICY).find((policy) => policy.inputs["role"] === roleName);
  if (!found) throw new Error(`no inline policy for ${roleName}`);
  parsed.set(roleName, JSON.parse(String(found.inputs["policy"])));
  return parsed.get(roleName);
}

export function trustOf(run: ProgramRun, roleName: string): unknown {
  const found = resourcesOfType(run, ROLE).find((r) => r.inputs["name"] === roleName);
  return JSON.parse(String(found?.inputs["assumeRolePolicy"]));
}

/** One cell of a role's matrix: what AWS must answer for this request. */
export type Cell = readonly [expected: "Allowed" | "Denied", action: string, resource: string, context?: Record<string, string>];

/** Runs every cell through the simulator and returns the ones that disagree (empty = matrix holds). */
export async function disagreements(policy: unknown, principal: string, cells: readonly Cell[], boundary?: unknown, resourcePolicy?: unknown): Promise<string[]> {
  const wrong: string[] = [];
  const holder = { principal, policy, boundary, resourcePolicy };
  for (const [expected, action, resource, context] of cells) {
    const request: Request = { action, resource, context };
    let verdict: Verdict = await simulate(holder, request);
    // Actions without resource-level permissions (ListTables, DescribeLimits) are judged on "*".
    if (verdict === "error: must.use.wildcard") verdict = await simulate(holder, { ...request, resource: "*" });
    const actual = verdict === "NotApplicable" ? "Denied" : verdict;
    if (actual !== expected) wrong.push(`${action} on ${resource}${context ? ` ${JSON.stringify(context)}` : ""}: expected ${expected}, got ${verdict}`);
  }
  return wrong;
}
