import * as pulumi from "@pulumi/pulumi";
import { ConfigError, qualifiedKey, type ConfigKeySpec, type ConfigSource } from "../config";
import { DATA_PROJECT, DATA_STACK_OUTPUT_NAMES, type DataStackOutputs } from "./contract";
import { DataStackOutputError, validateDataStackOutputs } from "./validate-outputs";

const DATA_STACK_KEY = "dataStack";
const STACK_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const DATA_STACK_KEY_SPEC: ConfigKeySpec = {
  key: DATA_STACK_KEY,
  type: "stack name organization/project/stack",
  default: `organization/${DATA_PROJECT}/{stack}, {stack} being this stack's name`,
  description: "The data stack whose tables this stack reads (by StackReference): dev reads dev, prod reads prod. With the S3 or local backend the organization is `organization`.",
  invalid: { value: "staging", error: "'staging' is not a fully qualified stack name" },
};

/** The fully qualified name of the data project's stack `stack` in `organization`. */
export function dataStackName(organization: string, stack: string): string {
  return `${organization}/${DATA_PROJECT}/${stack}`;
}

/**
 * `dataStack` config, `organization/project/stack`. By default the data project's stack of the
 * same name in the same organization (dev reads dev, prod reads prod).
 */
export function readDataStackName(source: ConfigSource): string {
  const value = source.get(DATA_STACK_KEY);
  if (value === undefined) {
    return dataStackName(pulumi.getOrganization(), pulumi.getStack());
  }
  if (!STACK_NAME.test(value)) {
    throw new ConfigError(
      qualifiedKey(source, DATA_STACK_KEY),
      `'${value}' is not a fully qualified stack name`,
      `Use organization/${DATA_PROJECT}/stack (with the local file backend the organization is 'organization')`,
    );
  }
  return value;
}

export interface DataStack {
  readonly reference: pulumi.StackReference;
  readonly outputs: DataStackOutputs;
}

/**
 * Reads the data stack's outputs as plain values, because they decide which resources exist
 * (one alarm or role per table), and validates them before anything is registered. A missing
 * output fails like `requireOutput`, naming the stack and saying to deploy the data stack first.
 */
export async function readDataStack(stackName: string, parent?: pulumi.Resource): Promise<DataStack> {
  const reference = new pulumi.StackReference(stackName, { name: stackName }, { parent });
  const raw: Record<string, unknown> = {};
  for (const output of DATA_STACK_OUTPUT_NAMES) {
    const details = await reference.getOutputDetails(output);
    const value: unknown = details.value ?? details.secretValue;
    if (value === undefined) {
      throw new DataStackOutputError(
        stackName,
        `has no output '${output}' (Required output '${output}' does not exist on stack '${stackName}'). ` +
          "Deploy the data stack first (npx nx run @dynamodb-platform/data:deploy), or point 'dataStack' config at the right stack",
      );
    }
    raw[output] = value;
  }
  return { reference, outputs: validateDataStackOutputs(stackName, raw) };
}
