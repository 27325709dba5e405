import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { PRODUCTION_TABLES } from "@dynamodb-platform/platform";
import { TEST_TABLES } from "../src";

const root = path.join(__dirname, "..", "..", "..");

describe("tests run with their own tables", () => {
  test("in a test, the specs module's production list is the tests' tables", () => {
    expect(PRODUCTION_TABLES).toBe(TEST_TABLES);
  });

  test("a Node process a test starts loads the tests' tables in place of the production list", () => {
    const loaded = execFileSync(
      process.execPath,
      ["--require", "@swc-node/register", "-e", "require('@dynamodb-platform/platform'); console.log(JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('production-tables'))))"],
      { cwd: root, encoding: "utf8" },
    );
    expect(JSON.parse(loaded)).toEqual([path.join(__dirname, "..", "src", "production-tables-stand-in.ts")]);
  }, 60_000);
});
