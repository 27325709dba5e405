import * as pulumi from "@pulumi/pulumi";

/**
 * Where raw configuration strings come from. A key without a namespace belongs to the stack's
 * own project (`team` means `dynamodb-data:team`); a key with one (`aws:region`) is read as is.
 */
export interface ConfigSource {
  readonly project: string;
  get(key: string): string | undefined;
  /**
   * Only in a running program: the region the AWS provider will deploy to, found as the provider
   * finds it (its `aws:region`, else AWS_REGION, else AWS_DEFAULT_REGION: @pulumi/aws config/vars).
   */
  readonly providerRegion?: () => string | undefined;
}

/** `key` as `pulumi config` spells it in a stack file: bare keys get the project's namespace. */
export function qualify(project: string, key: string): string {
  return key.includes(":") ? key : `${project}:${key}`;
}

export function qualifiedKey(source: ConfigSource, key: string): string {
  return qualify(source.project, key);
}

/** The engine's configuration of the running program (real engine or mock runtime alike). */
export function engineConfig(): { project: string; keys: string[]; get(key: string): string | undefined } {
  const project = pulumi.getProject();
  const byNamespace = new Map<string, pulumi.Config>();
  const configFor = (namespace: string): pulumi.Config => {
    let config = byNamespace.get(namespace);
    if (!config) {
      config = new pulumi.Config(namespace);
      byNamespace.set(namespace, config);
    }
    return config;
  };
  return {
    project,
    keys: Object.keys(pulumi.runtime.allConfig()),
    get(key: string): string | undefined {
      const [namespace, name] = key.includes(":") ? key.split(":", 2) : [project, key];
      return configFor(namespace).get(name);
    },
  };
}
