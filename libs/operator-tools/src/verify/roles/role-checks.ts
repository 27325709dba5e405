import type { IAMClient } from "@aws-sdk/client-iam";
import type { DeclaredState } from "@dynamodb-platform/offline-plan";
import { disagreement, profileOf, type MatrixRole } from "@dynamodb-platform/access-policy/matrix";
import type { Check } from "../check";
import type { AccessOutputs } from "../stack-outputs";
import { ROLE_NOT_FOUND, judgeWithAws } from "./aws-judge";

const KINDS = ["read", "write"] as const;

/** The roles the access stack declares, as the matrix sees them, with the ARNs its deployed outputs name. */
function matrixRoles(declared: DeclaredState, roleArns: AccessOutputs["roleArns"]): MatrixRole[] {
  return declared.tables.flatMap((table) =>
    KINDS.flatMap((kind) => {
      const roleArn = roleArns[table.key]?.[kind];
      if (!roleArn) return [];
      return [
        {
          roleArn,
          profile: profileOf(kind, table.stream !== undefined),
          context: {
            region: declared.region,
            accountId: roleArn.split(":")[4],
            table: table.physicalName,
            otherTables: declared.tables.map((other) => other.physicalName).filter((other) => other !== table.physicalName),
          },
        },
      ];
    }),
  );
}

const AWS_ALLOWED = "allowed";

/**
 * Per declared role: its name against the deployed output, then one failed check per cell where
 * AWS's simulator and the matrix disagree (naming role, action and resource), or one passing check
 * when they agree on every cell. A role that does not exist is one failed check. Cells AWS could
 * not decide without a condition key verify cannot know are one unverified check naming the keys.
 */
export async function roleChecks(iam: IAMClient, declared: DeclaredState, roleArns: AccessOutputs["roleArns"], now: Date = new Date()): Promise<Check[]> {
  const checks: Check[] = [];
  for (const role of declared.roles) {
    const arn = roleArns[role.table]?.[role.kind as (typeof KINDS)[number]];
    const liveName = arn?.split("/").pop();
    checks.push({ area: "roles", subject: role.name, check: "role output", status: liveName === role.name ? "pass" : "fail", expected: `roleArns.${role.table}.${role.kind} names ${role.name}`, actual: arn ?? "(absent)" });
  }
  for (const role of matrixRoles(declared, roleArns)) {
    const subject = role.roleArn.split("/").pop() ?? role.roleArn;
    const judged = await judgeWithAws(iam, role, now);
    if (judged === ROLE_NOT_FOUND) {
      checks.push({ area: "roles", subject, check: "exists", status: "fail", expected: "the role", actual: "(not found: IAM answered NoSuchEntity)" });
      continue;
    }
    const wrong = judged.filter(({ cell, decision }) => (decision === AWS_ALLOWED) !== (cell.expected === "Allowed") || decision === undefined);
    const undecided = wrong.filter((judgement) => judgement.missingContext.length > 0);
    const failed = wrong.filter((judgement) => judgement.missingContext.length === 0);
    if (wrong.length === 0) {
      checks.push({
        area: "roles",
        subject,
        check: `permission matrix (${judged.length} cells)`,
        status: "pass",
        expected: "AWS's simulator agrees with every cell",
        actual: `${judged.filter((j) => j.decision === AWS_ALLOWED).length} allowed, the rest denied`,
      });
      continue;
    }
    const byKeys = new Map<string, number>();
    for (const judgement of undecided) {
      const keys = [...judgement.missingContext].sort().join(", ");
      byKeys.set(keys, (byKeys.get(keys) ?? 0) + 1);
    }
    for (const [keys, count] of byKeys) {
      checks.push({
        area: "roles",
        subject,
        check: `permission matrix: ${count} cells need condition keys the simulation did not carry`,
        status: "unverified",
        expected: "a decision for every cell",
        actual: `a policy of the account needs ${keys}: AWS's simulator denied these cells for the missing key, not for the role's policy`,
      });
    }
    for (const { cell, decision } of failed) {
      checks.push({
        area: "roles",
        subject,
        check: disagreement(cell, "AWS", decision ?? "nothing (no result for this cell)"),
        status: "fail",
        expected: cell.expected,
        actual: decision ?? "(no result)",
      });
    }
  }
  return checks;
}
