import * as pulumi from "@pulumi/pulumi";

/*
 * jest.setup.js formats the stacks @pulumi/pulumi captures for its own promises cheaply; every
 * other stack must still point at the TypeScript line that made it, as a failing test relies on.
 */
test("an error made by test code names its TypeScript file, line and column, after the SDK has been used", async () => {
  await new Promise<void>((resolve) => pulumi.output(1).apply(() => resolve()));
  const error = new Error("made here"); // line 9, column 17
  expect(error.stack?.split("\n").slice(0, 2)).toEqual(["Error: made here", expect.stringMatching(/\(.*error-stacks\.test\.ts:9:17\)$/)]);
});
