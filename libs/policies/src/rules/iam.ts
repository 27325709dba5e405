import { ACCESS_ROLE_NAME } from "@dynamodb-platform/stack-config";
import { IAM_POLICY_TYPES, ROLE, violation, type PlatformPolicy } from "./rule";

interface Statement {
  readonly Effect?: string;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Principal?: unknown;
}

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function statementsOf(document: unknown): Statement[] {
  const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
  if (typeof parsed !== "object" || parsed === null) return [];
  const statements = (parsed as { Statement?: Statement | Statement[] }).Statement;
  return (Array.isArray(statements) ? statements : statements ? [statements] : []).filter((s) => s.Effect === "Allow");
}

/** Permission documents a resource carries: a policy's `policy`, or a role's inline policies. */
function permissionStatements(type: string, props: Record<string, unknown>): Statement[] {
  if (IAM_POLICY_TYPES.has(type)) return statementsOf(props["policy"]);
  if (type === ROLE) {
    return ((props["inlinePolicies"] ?? []) as { policy?: unknown }[]).flatMap((inline) => statementsOf(inline.policy));
  }
  return [];
}

const isWildcardAction = (action: string) => action === "*" || action.endsWith(":*");

export const iamNoWildcardActions: PlatformPolicy = {
  name: "iam-no-wildcard-actions",
  description: "No IAM policy allows Action \"*\", a service wildcard such as dynamodb:*, or NotAction.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    for (const statement of permissionStatements(args.type, args.props)) {
      const wildcards = list(statement.Action).filter(isWildcardAction);
      if (wildcards.length > 0) {
        reportViolation(violation(args.type, args.name, `allows ${wildcards.join(", ")}`, "list the exact actions the role needs"));
      }
      if (statement.NotAction !== undefined) {
        reportViolation(violation(args.type, args.name, "allows everything but NotAction", "use Action with the exact actions instead of NotAction"));
      }
    }
  },
};

/** ListStreams has no resource-level permission: AWS grants it only on "*". */
const ALLOWED_ON_ANY_RESOURCE = new Set(["dynamodb:ListStreams"]);

export const iamNoWildcardResources: PlatformPolicy = {
  name: "iam-no-wildcard-resources",
  description: "No IAM policy allows an action on Resource \"*\" (or NotResource), except dynamodb:ListStreams.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    for (const statement of permissionStatements(args.type, args.props)) {
      const anyResource = list(statement.Resource).includes("*") || statement.NotResource !== undefined;
      const actions = list(statement.Action).filter((action) => !ALLOWED_ON_ANY_RESOURCE.has(action));
      if (anyResource && actions.length > 0) {
        reportViolation(violation(args.type, args.name, `allows ${actions.join(", ")} on every resource`, "name the table, index and stream ARNs; only dynamodb:ListStreams may stand on \"*\", in a statement of its own"));
      }
    }
  },
};

function principals(principal: unknown): string[] {
  if (typeof principal === "string") return [principal];
  if (typeof principal !== "object" || principal === null) return [];
  return Object.values(principal).flatMap((value) => list(value as string | string[]));
}

export const iamTrustNotPublic: PlatformPolicy = {
  name: "iam-trust-not-public",
  description: "No role's trust policy lets \"*\" assume it.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ROLE) return;
    for (const statement of statementsOf(args.props["assumeRolePolicy"])) {
      if (principals(statement.Principal).includes("*")) {
        reportViolation(violation(args.type, args.name, "can be assumed by anyone (Principal \"*\")", "list the account ids, role ARNs or service principals in the access stack's trustedPrincipals"));
      }
    }
  },
};

export const iamRoleNaming: PlatformPolicy = {
  name: "iam-role-naming",
  description: "IAM role names follow dynamodb-{table}-{read|write}-role.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ROLE) return;
    const name = String(args.props["name"] ?? "");
    if (!ACCESS_ROLE_NAME.test(name)) {
      reportViolation(violation(args.type, args.name, `is named '${name || "(generated)"}'`, "name it dynamodb-{table}-{read|write}-role"));
    }
  },
};
