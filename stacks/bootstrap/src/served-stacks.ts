import * as fs from "node:fs";
import { readStackContext, stackConfigSource, stackDir, WORKSPACE_ROOT } from "@dynamodb-platform/platform";
import {
  ConfigError,
  optionalStringList,
  qualifiedKey,
  readEnvironmentSuffix,
  readRegion,
  type ConfigSource,
} from "@dynamodb-platform/platform";
import { PIPELINE_STACKS } from "@dynamodb-platform/platform";

export const SERVED_STACKS_KEY = "servedStacks";

/** What the roles of one served Pulumi stack may touch, read from the three projects' stack files. */
export interface ServedStack {
  readonly stack: string;
  /** Region of the data stack's tables (its `aws:region`). */
  readonly dataRegion: string;
  /** Logical key → physical table name, by the data stack's own naming rule. */
  readonly tables: Readonly<Record<string, string>>;
  readonly monitoringRegion: string;
  readonly monitoringSuffix: string;
}

const STACK_NAME = /^[A-Za-z0-9_.-]+$/;

function existingStacks(root: string): string {
  return fs
    .readdirSync(stackDir("data", root))
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort()
    .join(", ");
}

/**
 * `servedStacks`: Pulumi stack names (`prod`). Stack names, not suffixes, because the state
 * objects the roles may write are keyed by stack name; the suffix and the table names of each
 * stack come from its own `Pulumi.<stack>.yaml`, so the roles cannot drift from what the stacks create.
 */
export function readServedStacks(source: ConfigSource, root = WORKSPACE_ROOT): ServedStack[] {
  const key = qualifiedKey(source, SERVED_STACKS_KEY);
  const names = optionalStringList(source, SERVED_STACKS_KEY);
  if (names.length === 0) {
    throw new ConfigError(key, "it is missing or empty", `List the Pulumi stacks the roles serve, e.g. 'pulumi config set --path "${SERVED_STACKS_KEY}[0]" prod'`);
  }
  if (new Set(names).size !== names.length) throw new ConfigError(key, "a stack is listed twice", "List each stack once");
  return names.map((stack) => {
    if (!STACK_NAME.test(stack)) throw new ConfigError(key, `'${stack}' is not a Pulumi stack name`, "Use letters, digits, '_', '.' and '-'");
    const missing = PIPELINE_STACKS.filter((project) => !fs.existsSync(`${stackDir(project, root)}/Pulumi.${stack}.yaml`));
    if (missing.length > 0) {
      throw new ConfigError(
        key,
        `'${stack}' has no Pulumi.${stack}.yaml in stacks/${missing.join(", stacks/")}`,
        `Serve a stack every project has (${existingStacks(root)})`,
      );
    }
    // Each project's file read with that stack's own readers, so a bad value is the error `pulumi up` would give.
    const data = readStackContext(stack, root);
    const monitoring = stackConfigSource("monitoring", stack, root);
    return {
      stack,
      dataRegion: data.region,
      tables: Object.fromEntries(data.tables.map((table) => [table.spec.key, table.physicalName])),
      monitoringRegion: readRegion(monitoring),
      monitoringSuffix: readEnvironmentSuffix(monitoring),
    };
  });
}
