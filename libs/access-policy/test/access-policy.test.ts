import { accessCeilingStatements, accessStatements, allow, deny, policyDocument, type Statement } from "../src";

const table = (name: string) => `arn:aws:dynamodb:ap-southeast-2:123456789012:table/${name}`;
const EVENTS = { tableArn: table("events"), streamArn: `${table("events")}/stream/2026-01-01T00:00:00.000` };
const USERS = { tableArn: table("users") };

/** IAM's ARN matching: `*` stands for any run of characters. */
const covers = (pattern: string, arn: string) => new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`).test(arn);
const grants = (statements: readonly Statement[], action: string, arn: string) =>
  statements.some((s) => s.Action.includes(action) && s.Resource.some((resource) => covers(resource, arn)));
const actionsOf = (statements: readonly Statement[]) => statements.flatMap((s) => s.Action);

// Written out here, not taken from the library: what a user means by "reading" and "writing".
const ITEM_READS = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:PartiQLSelect"];
const STREAM_READS = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];
const ITEM_WRITES = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete"];
const ADMIN = ["dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:CreateBackup", "dynamodb:RestoreTableFromBackup", "dynamodb:TagResource", "dynamodb:UpdateTimeToLive", "dynamodb:PutResourcePolicy"];

describe("an events reader (the table has a stream)", () => {
  const read = accessStatements("read", EVENTS);

  test("consumes every stream of its table, table/NAME/stream/*, and lists streams on * (no resource-level permission)", () => {
    expect(read.filter((s) => s.Action.includes("dynamodb:GetRecords"))).toEqual([
      { Sid: "ReadStream", Effect: "Allow", Action: STREAM_READS, Resource: [`${table("events")}/stream/*`] },
    ]);
    expect(grants(read, "dynamodb:GetRecords", `${table("events")}/stream/2027-05-05T00:00:00.000`)).toBe(true);
    expect(read.filter((s) => s.Resource.includes("*"))).toEqual([{ Sid: "ListStreams", Effect: "Allow", Action: ["dynamodb:ListStreams"], Resource: ["*"] }]);
  });

  test("reaches no other table's stream, even one whose name starts the same", () => {
    expect(grants(read, "dynamodb:GetRecords", `${table("events-archive")}/stream/2026-01-01T00:00:00.000`)).toBe(false);
    expect(grants(read, "dynamodb:GetRecords", table("events"))).toBe(false);
  });

  test("reads items of the table and its indexes, never writes", () => {
    for (const action of ITEM_READS) expect(grants(read, action, `${table("events")}/index/by-user`)).toBe(true);
    expect(actionsOf(read).filter((a) => ITEM_WRITES.includes(a) || ADMIN.includes(a))).toEqual([]);
  });
});

describe("a reader of a table without a stream", () => {
  test("gets no stream permission at all, not even ListStreams", () => {
    const read = accessStatements("read", USERS);
    expect(actionsOf(read).filter((a) => [...STREAM_READS, "dynamodb:ListStreams"].includes(a))).toEqual([]);
  });
});

describe("a writer", () => {
  const write = accessStatements("write", EVENTS);

  test("writes items of its table only, never reads them or the stream, never an admin action", () => {
    for (const action of ITEM_WRITES) expect(grants(write, action, table("events"))).toBe(true);
    expect(actionsOf(write).filter((a) => [...ITEM_READS, ...STREAM_READS, "dynamodb:ListStreams", ...ADMIN].includes(a))).toEqual([]);
    expect(write.flatMap((s) => s.Resource)).toEqual([table("events")]);
  });
});

describe("the ceiling (the access roles' permissions boundary)", () => {
  const ceiling = accessCeilingStatements([table("events"), table("users")]);

  test("covers every permission any access role of those tables is granted", () => {
    const granted = [accessStatements("read", EVENTS), accessStatements("write", EVENTS), accessStatements("read", USERS), accessStatements("write", USERS)].flat();
    const uncovered = granted.flatMap((s) =>
      s.Action.flatMap((action) => s.Resource.map((resource) => resource.replace("*", "some-name"))
        .filter((arn) => !grants(ceiling, action, arn)).map((arn) => `${action} on ${arn}`)),
    );
    expect(uncovered).toEqual([]);
  });

  test("holds no admin action and no other table", () => {
    expect(actionsOf(ceiling).filter((a) => ADMIN.includes(a))).toEqual([]);
    expect(grants(ceiling, "dynamodb:GetItem", table("orders"))).toBe(false);
    expect(grants(ceiling, "dynamodb:GetItem", table("events-archive"))).toBe(false);
  });
});

describe("policyDocument", () => {
  test("is the IAM JSON AWS receives: version, statements with Sid, Effect, Action, Resource and an optional Condition", () => {
    const boundary = { StringEquals: { "iam:PermissionsBoundary": "arn:aws:iam::123456789012:policy/b" } };
    expect(
      policyDocument([
        allow("ReadOne", ["dynamodb:GetItem"], [table("users")]),
        allow("Conditional", ["iam:CreateRole"], ["arn:aws:iam::123456789012:role/r"], boundary),
        deny("Never", ["iam:AttachRolePolicy"], ["*"]),
      ]),
    ).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ReadOne", Effect: "Allow", Action: ["dynamodb:GetItem"], Resource: [table("users")] },
        { Sid: "Conditional", Effect: "Allow", Action: ["iam:CreateRole"], Resource: ["arn:aws:iam::123456789012:role/r"], Condition: boundary },
        { Sid: "Never", Effect: "Deny", Action: ["iam:AttachRolePolicy"], Resource: ["*"] },
      ],
    });
  });
});
