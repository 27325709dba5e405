import { resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import {
  ALLOW_LISTS,
  disagreement,
  dynamoDbActions,
  permissionMatrix,
  profileOf,
  type Cell,
  type MatrixRole,
  type ResourceKind,
} from "@dynamodb-platform/access-policy/matrix";
import { ROLE_POLICY, STACKS, dataOutputsFor, runAccessStack } from "./run-access-stack";
import { simulate } from "@dynamodb-platform/testing";

interface RoleUnderTest extends MatrixRole {
  readonly roleName: string;
  readonly policy: unknown;
}

interface Judged {
  readonly role: RoleUnderTest;
  readonly cell: Cell;
  readonly actual: string;
}

/** The six roles as the program declares them, with the inline policy IAM would receive. */
function rolesUnderTest(run: ProgramRun, stack: string): RoleUnderTest[] {
  const outputs = dataOutputsFor(stack);
  const roleArns = run.outputs["roleArns"] as Record<string, Record<"read" | "write", string>>;
  const policies = resourcesOfType(run, ROLE_POLICY);
  return Object.entries(outputs.tableNames).flatMap(([key, table]) =>
    (["read", "write"] as const).map((kind) => {
      const roleArn = roleArns[key][kind];
      const roleName = roleArn.split("/").pop() ?? "";
      const policy = policies.find((p) => p.inputs["role"] === roleName);
      if (!policy) throw new Error(`no policy attached to ${roleName}`);
      return {
        roleArn,
        roleName,
        policy: JSON.parse(String(policy.inputs["policy"])) as unknown,
        profile: profileOf(kind, key in outputs.streamArns),
        context: {
          region: "ap-southeast-2",
          accountId: roleArn.split(":")[4],
          table,
          otherTables: Object.values(outputs.tableNames).filter((other) => other !== table),
        },
      };
    }),
  );
}

async function judgeLocally(role: RoleUnderTest): Promise<Judged[]> {
  const cells = await permissionMatrix(role);
  return Promise.all(cells.map(async (cell) => ({ role, cell, actual: await simulate({ principal: role.roleArn, policy: role.policy }, { action: cell.action, resource: cell.resource }) })));
}

const allowed = (actual: string) => actual === "Allowed";

describe.each(STACKS)("what each role may do: the permission matrix judged by the IAM policy simulator (%s)", (stack) => {
  let judged: Judged[];
  let roles: RoleUnderTest[];
  beforeAll(async () => {
    roles = rolesUnderTest(await runAccessStack(stack), stack);
    judged = (await Promise.all(roles.map(judgeLocally))).flat();
  });

  test("the simulator and the matrix agree on every cell: every DynamoDB action on every resource, denied unless allow-listed", () => {
    const mismatches = judged
      .filter(({ cell, actual }) => allowed(actual) !== (cell.expected === "Allowed"))
      .map(({ cell, actual }) => disagreement(cell, "the simulator", actual));
    expect(mismatches).toEqual([]);
  });

  test("the simulator knows every action it is asked about (an unknown action is an error, not a denial)", () => {
    expect(judged.filter(({ actual }) => actual.startsWith("error")).map(({ cell, actual }) => `${cell.action}: ${actual}`)).toEqual([]);
  });

  test("every DynamoDB action IAM knows is asked on each role's own table, index and streams", async () => {
    const askable = (await dynamoDbActions()).filter((action) => !action.wildcardOnly).map((action) => action.name);
    for (const role of roles) {
      for (const kind of ["ownTable", "ownIndex", "ownStream", "ownRecreatedStream"] satisfies ResourceKind[]) {
        const asked = judged.filter((j) => j.role === role && j.cell.kind === kind).map((j) => j.cell.action);
        expect(asked.sort()).toEqual([...askable].sort());
      }
    }
  });

  test("what the simulator allows each role is exactly that role's allow-list", () => {
    for (const role of roles) {
      const granted: Record<string, ResourceKind[]> = {};
      for (const { cell } of judged.filter((j) => j.role === role && allowed(j.actual))) {
        granted[cell.action] = [...new Set([...(granted[cell.action] ?? []), cell.kind])];
      }
      const expected = Object.fromEntries(Object.entries(ALLOW_LISTS[role.profile]).map(([action, kinds]) => [action, [...kinds].sort()]));
      const actualSorted = Object.fromEntries(Object.entries(granted).map(([action, kinds]) => [action, kinds.sort()]));
      expect({ role: role.roleName, granted: actualSorted }).toEqual({ role: role.roleName, granted: expected });
    }
  });
});
