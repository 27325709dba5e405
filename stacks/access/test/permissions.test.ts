import { resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import {
  ACTION_GROUPS,
  ALLOWED,
  expectedResult,
  resourceKindsFor,
  resourcesOf,
  type ActionGroup,
  type Profile,
} from "./permission-matrix";
import { ROLE, ROLE_POLICY, STACKS, dataOutputsFor, runAccessStack } from "./run-access-stack";
import { simulate } from "./simulate";

interface RoleUnderTest {
  readonly roleName: string;
  readonly roleArn: string;
  readonly policy: unknown;
  readonly profile: Profile;
  readonly table: string;
  readonly otherTables: string[];
}

function rolesUnderTest(run: ProgramRun, stack: string): RoleUnderTest[] {
  const outputs = dataOutputsFor(stack);
  const roleArns = run.outputs["roleArns"] as Record<string, Record<"read" | "write", string>>;
  const policies = resourcesOfType(run, ROLE_POLICY);
  return Object.entries(outputs.tableNames).flatMap(([key, table]) =>
    (["read", "write"] as const).map((kind) => {
      const roleName = `dynamodb-${table}-${kind}-role`;
      const policy = policies.find((p) => p.inputs["role"] === roleName);
      if (!policy) throw new Error(`no policy attached to ${roleName}`);
      const profile: Profile = kind === "write" ? "write" : key in outputs.streamArns ? "readWithStream" : "read";
      return {
        roleName,
        roleArn: roleArns[key][kind],
        policy: JSON.parse(String(policy.inputs["policy"])) as unknown,
        profile,
        table,
        otherTables: Object.values(outputs.tableNames).filter((other) => other !== table),
      };
    }),
  );
}

describe.each(STACKS)("what each role may do, judged by the IAM policy simulator (%s)", (stack) => {
  let run: ProgramRun;
  let roles: RoleUnderTest[];
  beforeAll(async () => {
    run = await runAccessStack(stack);
    roles = rolesUnderTest(run, stack);
  });

  test("six roles, one per table and access kind", () => {
    expect(resourcesOfType(run, ROLE)).toHaveLength(6);
    expect(roles.map((role) => role.profile).sort()).toEqual(["read", "read", "readWithStream", "write", "write", "write"]);
  });

  test("every cell of the matrix (action x resource) has its expected result", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const role of roles) {
      for (const group of Object.keys(ACTION_GROUPS) as ActionGroup[]) {
        for (const kind of resourceKindsFor(group)) {
          const expected = expectedResult(role.profile, group, kind);
          for (const action of ACTION_GROUPS[group]) {
            for (const resource of resourcesOf(kind, { region: "ap-southeast-2", accountId: "123456789012", ...role })) {
              cells += 1;
              const actual = await simulate(role.roleArn, role.policy, action, resource);
              const denied = actual === "Denied" || actual === "NotApplicable";
              if (expected === "Allowed" ? actual !== "Allowed" : !denied) {
                mismatches.push(`${role.roleName}: ${action} on ${kind} (${resource}) expected ${expected}, got ${actual}`);
              }
            }
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  });

  test("each role is allowed something: the matrix is not vacuously denying", () => {
    for (const profile of Object.keys(ALLOWED) as Profile[]) {
      expect(Object.keys(ALLOWED[profile]).length).toBeGreaterThan(0);
    }
  });

  test("no policy grants dynamodb:* or *, and only ListStreams is on Resource *", () => {
    for (const role of roles) {
      const statements = (role.policy as { Statement: { Action: string[]; Resource: string[]; Effect: string }[] }).Statement;
      for (const statement of statements) {
        expect(statement.Effect).toBe("Allow");
        expect(statement.Action.filter((action) => action.includes("*"))).toEqual([]);
        if (statement.Resource.includes("*")) expect(statement.Action).toEqual(["dynamodb:ListStreams"]);
      }
    }
  });
});
