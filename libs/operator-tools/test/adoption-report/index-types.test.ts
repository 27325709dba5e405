import { block, conformingWorld, removeWorkspaces, report } from "./world";

afterAll(removeWorkspaces);

describe("an index's key attribute types", () => {
  test("a live index with the spec's names but another key type stops the adoption: no update changes it", async () => {
    const world = conformingWorld();
    world.tables.sessions = {
      ...world.tables.sessions,
      AttributeDefinitions: [
        { AttributeName: "sessionId", AttributeType: "S" },
        { AttributeName: "userId", AttributeType: "S" },
        { AttributeName: "timestamp", AttributeType: "S" },
      ],
    };
    const { code, text } = await report(world);
    expect(code).toBe(1);
    const finding = block(text, "sessions", "GSI userId-timestamp-index");
    expect(finding).toMatch(/^ {2}STOP /);
    expect(finding).toMatch(/live: +userId HASH \+ timestamp RANGE, projection ALL; key types userId S, timestamp S/);
    expect(finding).toMatch(/spec: +userId HASH \+ timestamp RANGE, projection ALL; key types userId S, timestamp N/);
  });

  test("the same types are unchanged", async () => {
    const finding = block((await report(conformingWorld())).text, "sessions", "GSI userId-timestamp-index");
    expect(finding).toMatch(/^ {2}OK /);
  });
});
