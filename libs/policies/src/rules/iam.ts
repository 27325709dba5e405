import { ACCESS_ROLE_NAME, PLATFORM_ROLE_NAME } from "@dynamodb-platform/platform";
import { loadPolicy, type Statement } from "@cloud-copilot/iam-policy";
import { IAM_POLICY_TYPES, ROLE, violation, type PlatformPolicy } from "./rule";

/**
 * The Allow statements of a policy document, parsed by @cloud-copilot/iam-policy (which knows
 * IAM's grammar: single values or lists, Action/NotAction, Principal forms).
 */
function allowStatements(document: unknown): Statement[] {
  const parsed: unknown = typeof document === "string" ? JSON.parse(document) : document;
  if (typeof parsed !== "object" || parsed === null) return [];
  return loadPolicy(parsed).statements().filter((statement) => statement.isAllow());
}

/** Permission documents a resource carries: a policy's `policy`, or a role's inline policies. */
function permissionStatements(type: string, props: Record<string, unknown>): Statement[] {
  if (IAM_POLICY_TYPES.has(type)) return allowStatements(props["policy"]);
  if (type === ROLE) {
    return ((props["inlinePolicies"] ?? []) as { policy?: unknown }[]).flatMap((inline) => allowStatements(inline.policy));
  }
  return [];
}

const actionsOf = (statement: Statement): string[] => (statement.isActionStatement() ? statement.actions().map((action) => action.value()) : []);

const isWildcardAction = (action: string) => action === "*" || action.endsWith(":*");

export const iamNoWildcardActions: PlatformPolicy = {
  name: "iam-no-wildcard-actions",
  description: "No IAM policy allows Action \"*\", a service wildcard such as dynamodb:*, or NotAction.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    for (const statement of permissionStatements(args.type, args.props)) {
      const wildcards = actionsOf(statement).filter(isWildcardAction);
      if (wildcards.length > 0) {
        reportViolation(violation(args.type, args.name, `allows ${wildcards.join(", ")}`, "list the exact actions the role needs"));
      }
      if (statement.isNotActionStatement()) {
        reportViolation(violation(args.type, args.name, "allows everything but NotAction", "use Action with the exact actions instead of NotAction"));
      }
    }
  },
};

/**
 * ListStreams has no resource-level permission: AWS grants it only on "*". DescribeAlarms that may
 * return composite alarms is authorized only on "*" (CloudWatch API reference, DescribeAlarms): the
 * CI roles' alarm reads (stacks/bootstrap call table).
 */
const ALLOWED_ON_ANY_RESOURCE = new Set(["dynamodb:ListStreams", "cloudwatch:DescribeAlarms"]);

export const iamNoWildcardResources: PlatformPolicy = {
  name: "iam-no-wildcard-resources",
  description: "No IAM policy allows an action on Resource \"*\" (or NotResource), except dynamodb:ListStreams and cloudwatch:DescribeAlarms.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    for (const statement of permissionStatements(args.type, args.props)) {
      const anyResource =
        (statement.isResourceStatement() && statement.resources().some((resource) => resource.isAllResources())) || statement.isNotResourceStatement();
      const actions = actionsOf(statement).filter((action) => !ALLOWED_ON_ANY_RESOURCE.has(action));
      if (anyResource && actions.length > 0) {
        reportViolation(violation(args.type, args.name, `allows ${actions.join(", ")} on every resource`, "name the table, index and stream ARNs; only dynamodb:ListStreams and cloudwatch:DescribeAlarms may stand on \"*\", in a statement of their own"));
      }
    }
  },
};

export const iamTrustNotPublic: PlatformPolicy = {
  name: "iam-trust-not-public",
  description: "No role's trust policy lets \"*\" assume it.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ROLE) return;
    for (const statement of allowStatements(args.props["assumeRolePolicy"])) {
      if (statement.isPrincipalStatement() && statement.principals().some((principal) => principal.isWildcardPrincipal())) {
        reportViolation(violation(args.type, args.name, "can be assumed by anyone (Principal \"*\")", "list the account ids, role ARNs or service principals in the access stack's trustedPrincipals"));
      }
    }
  },
};

/** The two kinds of role the platform creates: the access roles, and its own CI roles (bootstrap). */
const ROLE_NAME_RULES = [ACCESS_ROLE_NAME, PLATFORM_ROLE_NAME];

export const iamRoleNaming: PlatformPolicy = {
  name: "iam-role-naming",
  description: "IAM role names follow dynamodb-{table}-{read|write}-role, or are the platform's CI roles dynamodb-platform-preview and dynamodb-platform-deploy-{stack}.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== ROLE) return;
    const name = String(args.props["name"] ?? "");
    if (!ROLE_NAME_RULES.some((rule) => rule.test(name))) {
      reportViolation(
        violation(
          args.type,
          args.name,
          `is named '${name || "(generated)"}'`,
          "name an access role dynamodb-{table}-{read|write}-role (accessRoleName); only bootstrap's CI roles are named dynamodb-platform-preview or dynamodb-platform-deploy-{stack}",
        ),
      );
    }
  },
};
