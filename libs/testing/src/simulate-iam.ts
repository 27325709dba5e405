import { createValidatedPolicy, validateIdentityPolicy, validateResourcePolicy, type ValidatedPolicy, type ValidationError } from "@cloud-copilot/iam-policy";
import { runSimulation, runUnsafeSimulation, type Simulation } from "@cloud-copilot/iam-simulate";

/** AWS's answer: NotApplicable when the action has no resource of that type (AWS never authorizes it there). */
export type Verdict = "Allowed" | "Denied" | "NotApplicable" | `error: ${string}`;

export interface Request {
  readonly action: string;
  readonly resource: string;
  /** Request context, e.g. iam:PermissionsBoundary or the OIDC token's claims. */
  readonly context?: Record<string, string | string[]>;
}

export interface Holder {
  readonly principal: string;
  readonly policy?: unknown;
  readonly boundary?: unknown;
  readonly resourcePolicy?: unknown;
}

/** Resources whose ARN names no account (S3) belong to the mock account. */
const ACCOUNT = "123456789012";

type Validator = (policy: unknown) => ValidationError[];

/** Each policy document validated once per process by the simulator's own validator (runSimulation reuses the result). */
const validated = new Map<Validator, { byObject: WeakMap<object, ValidatedPolicy<{ name: undefined }>>; byText: Map<string, ValidatedPolicy<{ name: undefined }>> }>();
function validatedOnce(policy: unknown, validate: Validator): ValidatedPolicy<{ name: undefined }> {
  const cache = validated.get(validate) ?? validated.set(validate, { byObject: new WeakMap(), byText: new Map() }).get(validate)!;
  const object = typeof policy === "object" && policy !== null ? policy : undefined;
  const seen = object && cache.byObject.get(object);
  if (seen) return seen;
  const text = JSON.stringify(policy);
  let found = cache.byText.get(text);
  // The metadata is what runSimulation gives a resource policy: { name: policy.name }, undefined here.
  // The cache owns its copy: a caller changing its object later cannot change what another holder is judged on.
  if (!found) cache.byText.set(text, (found = createValidatedPolicy(JSON.parse(text), validate, { name: undefined })));
  if (object) cache.byObject.set(object, found);
  return found;
}

/**
 * How the simulator read a request before weighing any policy. The request checks (unknown service or
 * action, wildcard-only action, no or several resource types) and the resource type depend on the
 * action and resource alone, so a request without context is classified once, by runSimulation itself.
 */
type Classification = { readonly kind: "verdict"; readonly verdict: Verdict } | { readonly kind: "oneResourceType" } | { readonly kind: "other" };
const REQUEST_ERRORS = new Set(["invalid.action", "invalid.service", "must.use.wildcard", "no.resource.types", "multiple.resource.types"]);
const classified = new Map<string, Promise<Classification>>();

function verdictOf(result: Awaited<ReturnType<typeof runSimulation>>): Verdict {
  if (result.resultType === "error") {
    return result.errors.message === "no.resource.types" ? "NotApplicable" : `error: ${result.errors.message}`;
  }
  return result.overallResult === "Allowed" ? "Allowed" : "Denied";
}

/**
 * The local IAM judge of every test: asks the policy simulator @cloud-copilot/iam-simulate (AGPL:
 * tests only) whether `holder` may make `request`, given its identity policy, permissions boundary
 * and the resource's own policy. Any simulator error other than "no resource of that type" (an
 * unknown action) is returned as an error, never as a denial.
 */
export async function simulate(holder: Holder, request: Request): Promise<Verdict> {
  const arnAccount = request.resource.split(":")[4];
  const identityPolicies = holder.policy ? [{ name: "role-policy", policy: validatedOnce(holder.policy, validateIdentityPolicy) }] : [];
  const boundaries = holder.boundary ? [{ name: "boundary", policy: validatedOnce(holder.boundary, validateIdentityPolicy) }] : undefined;
  const resourcePolicy = holder.resourcePolicy ? validatedOnce(holder.resourcePolicy, validateResourcePolicy) : undefined;
  const simulation: Simulation = {
    identityPolicies,
    permissionBoundaryPolicies: boundaries,
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy,
    request: {
      action: request.action,
      principal: holder.principal,
      // S3 ARNs carry no account: the bucket is this account's.
      resource: { accountId: arnAccount || ACCOUNT, resource: request.resource },
      contextVariables: request.context ?? {},
    },
  };
  const policiesValid = [...identityPolicies, ...(boundaries ?? [])].every(({ policy }) => policy.errors.length === 0) && (resourcePolicy?.errors.length ?? 0) === 0;
  // runSimulation normalizes context and expands short ARNs; without either, runUnsafeSimulation builds the very request it would.
  const classifiable = policiesValid && Object.keys(request.context ?? {}).length === 0 && request.resource.split(":").length >= 6;
  const key = `${request.action} ${request.resource}`;
  const known = classifiable ? classified.get(key) : undefined;
  if (!known) {
    const result = runSimulation(simulation, {});
    if (classifiable) classified.set(key, result.then(classify, () => ({ kind: "other" }) as const));
    return verdictOf(await result);
  }
  const classification = await known;
  if (classification.kind === "verdict") return classification.verdict;
  if (classification.kind === "other") return verdictOf(await runSimulation(simulation, {}));
  // One resource type, no wildcard, valid policies: runSimulation's single authorize call, without re-deriving the resource type.
  return runUnsafeSimulation(simulation, {}) === "Allowed" ? "Allowed" : "Denied";
}

function classify(result: Awaited<ReturnType<typeof runSimulation>>): Classification {
  if (result.resultType === "error") return REQUEST_ERRORS.has(result.errors.message) ? { kind: "verdict", verdict: verdictOf(result) } : { kind: "other" };
  // A resource type means a single authorize call on a resource without "*" for an action with resource-level permissions.
  return result.resultType === "single" && result.result.resourceType !== undefined ? { kind: "oneResourceType" } : { kind: "other" };
}
