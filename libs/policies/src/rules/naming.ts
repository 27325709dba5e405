import { ACCESS_ROLE_NAME } from "@dynamodb-platform/platform";
import { ALARM, ROLE, TABLE, violation, type PlatformPolicy } from "./rule";

export interface NamingConfig {
  /** The stack's environmentSuffix; absent means nothing to check. */
  readonly environmentSuffix?: string;
  /** Existing tables adopted under their own names (production): they and their roles keep them. */
  readonly adoptedTableNames: string[];
}

const NAMED_TYPES = new Set([TABLE, ALARM, ROLE, "aws:sns/topic:Topic"]);

function carriesSuffix(name: string, suffix: string): boolean {
  return name === suffix || name.endsWith(`-${suffix}`) || name.includes(`-${suffix}-`) || name.startsWith(`${suffix}-`);
}

function isAdoptedName(type: string, name: string, adopted: readonly string[]): boolean {
  if (type === TABLE) return adopted.includes(name);
  if (type === ROLE) {
    const table = ACCESS_ROLE_NAME.exec(name)?.[1];
    return table !== undefined && adopted.includes(table);
  }
  return false;
}

/**
 * A stack without an environmentSuffix is account-level: bootstrap, once per account, whose CI
 * roles, state bucket and boundary serve every environment of the account. Its names carry no
 * suffix, so nothing is checked; a stack with a suffix may not create them (they lack the suffix).
 */
export const namesCarryEnvironmentSuffix: PlatformPolicy = {
  name: "names-carry-environment-suffix",
  description: "Physical names of tables, alarms, topics and roles carry the stack's environmentSuffix (adopted production tables and their roles keep their names; an account-level stack, which has no environmentSuffix, is not checked).",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      environmentSuffix: { type: "string" },
      adoptedTableNames: { type: "array", items: { type: "string" }, default: [] },
    },
  },
  validateResource: (args, reportViolation) => {
    if (!NAMED_TYPES.has(args.type)) return;
    const { environmentSuffix, adoptedTableNames } = args.getConfig<NamingConfig>();
    const name: unknown = args.props["name"];
    if (!environmentSuffix || typeof name !== "string") return;
    if (!carriesSuffix(name, environmentSuffix) && !isAdoptedName(args.type, name, adoptedTableNames)) {
      reportViolation(violation(args.type, args.name, `is named '${name}' without the environment suffix '${environmentSuffix}'`, "derive the name with resourceName(type, table, environmentSuffix)"));
    }
  },
};
