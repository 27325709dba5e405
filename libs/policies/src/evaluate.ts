import type { PolicyResourceOptions, ResourceValidationArgs } from "@pulumi/policy";
import { PLATFORM_POLICIES } from "./platform-policies";
import type { PlatformPolicy } from "./rules/rule";

/** Policy config as `--policy-pack-config` takes it: policy name → that policy's settings. */
export type PolicyPackConfig = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

export interface PolicyViolation {
  readonly policy: string;
  readonly resourceType: string;
  readonly resourceName: string;
  readonly message: string;
}

class NotApplicable extends Error {}

/** A policy's settings: the defaults of its config schema, overridden by the pack config. */
function configOf(policy: PlatformPolicy, config: PolicyPackConfig): Record<string, unknown> {
  const schema = (policy.configSchema?.properties ?? {}) as Record<string, { default?: unknown }>;
  const defaults = Object.fromEntries(
    Object.entries(schema).filter(([, property]) => property.default !== undefined).map(([key, property]) => [key, property.default]),
  );
  return { ...defaults, ...(config[policy.name] ?? {}) };
}

export interface ResourceUnderPolicy {
  readonly type: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
}

/**
 * Runs policies on resources the way the Pulumi policy engine calls them (validateResource with
 * the resource's inputs as props), without the CLI.
 */
export async function evaluatePolicies(
  resources: readonly ResourceUnderPolicy[],
  config: PolicyPackConfig = {},
  policies: readonly PlatformPolicy[] = PLATFORM_POLICIES,
): Promise<PolicyViolation[]> {
  const violations: PolicyViolation[] = [];
  for (const resource of resources) {
    const isType = (resourceClass: unknown) => (resourceClass as { __pulumiType?: string }).__pulumiType === resource.type;
    for (const policy of policies) {
      const args: ResourceValidationArgs = {
        type: resource.type,
        name: resource.name,
        urn: `urn:pulumi:offline::offline::${resource.type}::${resource.name}`,
        props: resource.props,
        opts: {} as PolicyResourceOptions,
        stackTags: new Map(),
        isType: (resourceClass) => isType(resourceClass),
        asType: <TResource, TArgs>(resourceClass: new (name: string, args: TArgs, ...rest: never[]) => TResource) =>
          (isType(resourceClass) ? resource.props : undefined) as never,
        getConfig: <T extends object>() => configOf(policy, config) as T,
        notApplicable: (reason?: string) => {
          throw new NotApplicable(reason);
        },
      };
      try {
        await policy.validateResource(args, (message: string) => {
          violations.push({ policy: policy.name, resourceType: resource.type, resourceName: resource.name, message });
        });
      } catch (error) {
        if (!(error instanceof NotApplicable)) throw error;
      }
    }
  }
  return violations;
}

/** What the policy engine needs of a registered resource (the offline plan's runs have this shape). */
export interface RegisteredInputs {
  readonly custom: boolean;
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

/** The registered resources of a mock run, as the policy engine would see them. */
export function underPolicy(resources: readonly RegisteredInputs[]): ResourceUnderPolicy[] {
  return resources
    .filter((resource) => resource.custom && !resource.type.startsWith("pulumi:"))
    .map((resource) => ({ type: resource.type, name: resource.name, props: resource.inputs }));
}
