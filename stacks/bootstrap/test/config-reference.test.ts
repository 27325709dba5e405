import { fileConfigSource } from "@dynamodb-platform/platform";
import { describeConfigurationReference } from "@dynamodb-platform/testing";
import { BOOTSTRAP_CONFIG_KEYS, readBootstrapConfig } from "../src/config";

describeConfigurationReference({
  stack: "bootstrap",
  keys: BOOTSTRAP_CONFIG_KEYS,
  readWith: (stackDir, changes) => readBootstrapConfig(fileConfigSource(stackDir, "prod", changes)),
});
