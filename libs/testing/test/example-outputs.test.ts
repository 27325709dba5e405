import { exampleOutputsForStack } from "../src";

describe("example data stack outputs follow the data stack's files and specs", () => {
  test("prod: adopted names, a stream on events only", () => {
    const outputs = exampleOutputsForStack("prod");
    expect(outputs.tableNames).toEqual({ events: "events", sessions: "sessions", users: "users" });
    expect(Object.keys(outputs.streamArns)).toEqual(["events"]);
    expect(outputs.streamArns["events"]).toMatch(/^arn:aws:dynamodb:ap-southeast-2:\d{12}:table\/events\/stream\/.+/);
  });

  test("dev: suffixed names", () => {
    expect(exampleOutputsForStack("dev").tableArns["users"]).toMatch(/:table\/users-dev$/);
  });
});
