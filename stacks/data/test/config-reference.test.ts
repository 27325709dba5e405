import * as fs from "node:fs";
import * as path from "node:path";
import { ENVIRONMENT_KEYS, fileConfigSource, referenceSection, renderKeyTable } from "@dynamodb-platform/platform";
import { TEST_TABLES, describeConfigurationReference } from "@dynamodb-platform/testing";
import { DATA_CONFIG_KEYS, readDataStackConfig } from "../src/config";

describeConfigurationReference({
  stack: "data",
  keys: DATA_CONFIG_KEYS,
  readWith: (stackDir, changes) => readDataStackConfig(TEST_TABLES, fileConfigSource(stackDir, "prod", changes)),
});

test("the configuration reference lists the keys of stacks/environments/<stack>.yaml, written once for every stack of an environment", () => {
  const reference = fs.readFileSync(path.join(__dirname, "../../../docs/configuration.md"), "utf8");
  expect(referenceSection(reference, "environment")).toBe(renderKeyTable(ENVIRONMENT_KEYS.map((key) => DATA_CONFIG_KEYS.find((spec) => spec.key === key)!)));
});
