import type { IAMClient } from "@aws-sdk/client-iam";
import { disagreement, profileOf, type MatrixRole } from "@dynamodb-platform/permission-matrix";
import type { StackContext } from "@dynamodb-platform/live-account";
import type { Check } from "../check";
import { judgeWithAws } from "./aws-judge";

export type RoleArns = Readonly<Record<string, Readonly<Record<"read" | "write", string>>>>;

/** The six roles as the matrix sees them, from the access stack's `roleArns` output. */
export function matrixRoles(context: StackContext, roleArns: RoleArns): MatrixRole[] {
  return context.tables.flatMap(({ spec, physicalName }) =>
    (["read", "write"] as const).flatMap((kind) => {
      const roleArn = roleArns[spec.key]?.[kind];
      if (!roleArn) return [];
      return [
        {
          roleArn,
          profile: profileOf(kind, spec.stream !== undefined),
          context: {
            region: context.region,
            accountId: roleArn.split(":")[4],
            table: physicalName,
            otherTables: context.tables.map((table) => table.physicalName).filter((other) => other !== physicalName),
          },
        },
      ];
    }),
  );
}

const AWS_ALLOWED = "allowed";

/**
 * One failed check per cell where AWS's simulator and the matrix disagree (naming role, action and
 * resource), or one passing check per role when they agree on every cell.
 */
export async function roleChecks(iam: IAMClient, context: StackContext, roleArns: RoleArns): Promise<Check[]> {
  const checks: Check[] = [];
  for (const key of context.tables.map((table) => table.spec.key)) {
    for (const kind of ["read", "write"] as const) {
      if (!roleArns[key]?.[kind]) {
        checks.push({ area: "roles", subject: `${key} ${kind}`, check: "role output", status: "fail", expected: "an ARN in roleArns", actual: "(absent)" });
      }
    }
  }
  for (const role of matrixRoles(context, roleArns)) {
    const subject = role.roleArn.split("/").pop() ?? role.roleArn;
    const judged = await judgeWithAws(iam, role);
    const wrong = judged.filter(({ cell, decision }) => (decision === AWS_ALLOWED) !== (cell.expected === "Allowed") || decision === undefined);
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
    for (const { cell, decision } of wrong) {
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
