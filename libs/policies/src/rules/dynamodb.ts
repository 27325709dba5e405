import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { TABLE, violation, type PlatformPolicy } from "./rule";

type Capacity = { readonly readCapacity?: number; readonly writeCapacity?: number };

export const dynamodbOnDemand: PlatformPolicy = {
  name: "dynamodb-on-demand",
  description: "DynamoDB tables bill PAY_PER_REQUEST, with no provisioned capacity on the table or any GSI.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    if (table.billingMode !== "PAY_PER_REQUEST") {
      reportViolation(violation(TABLE, args.name, `has billingMode ${table.billingMode ?? "unset (PROVISIONED)"}`, "set billingMode: \"PAY_PER_REQUEST\""));
    }
    const capacity = (owner: Capacity, where: string) =>
      (["readCapacity", "writeCapacity"] as const)
        .filter((key) => owner[key] !== undefined)
        .forEach((key) => reportViolation(violation(TABLE, args.name, `sets ${key} on ${where}`, `remove ${key}: on-demand tables have no provisioned capacity`)));
    capacity(table, "the table");
    for (const index of table.globalSecondaryIndexes ?? []) {
      capacity(index, `GSI '${index.name}'`);
    }
  }),
};

export const dynamodbAwsManagedEncryption: PlatformPolicy = {
  name: "dynamodb-aws-managed-encryption",
  description: "DynamoDB tables are encrypted with the AWS managed key: serverSideEncryption enabled, no kmsKeyArn.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    if (table.serverSideEncryption?.enabled !== true) {
      reportViolation(violation(TABLE, args.name, "uses the AWS owned key (serverSideEncryption not enabled)", "set serverSideEncryption: { enabled: true } (the AWS managed key alias/aws/dynamodb)"));
    }
    if (table.serverSideEncryption?.kmsKeyArn !== undefined) {
      reportViolation(violation(TABLE, args.name, "uses a customer managed key", "remove serverSideEncryption.kmsKeyArn to use the AWS managed key"));
    }
  }),
};

export const dynamodbDeletionProtectionOff: PlatformPolicy = {
  name: "dynamodb-deletion-protection-off",
  description: "DynamoDB tables have deletion protection off, so every stack stays destroyable.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    if (table.deletionProtectionEnabled === true) {
      reportViolation(violation(TABLE, args.name, "has deletion protection on", "set deletionProtectionEnabled: false"));
    }
  }),
};

export interface StreamsConfig {
  /** Logical keys of the tables allowed a stream; a table named `<key>` or `<key>-<suffix>` matches. */
  readonly tablesWithStreams: string[];
}

/**
 * The platform's own statement of which tables stream (the events table), independent of the
 * data stack's specs, so that a spec change alone cannot add a stream.
 */
export const dynamodbStreamsOnlyWhereDeclared: PlatformPolicy = {
  name: "dynamodb-streams-only-where-declared",
  description: "Only the tables listed in tablesWithStreams (default: events) have a stream.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: { tablesWithStreams: { type: "array", items: { type: "string" }, default: ["events"] } },
  },
  validateResource: validateResourceOfType(aws.dynamodb.Table, (table, args, reportViolation) => {
    if (table.streamEnabled !== true) return;
    const { tablesWithStreams } = args.getConfig<StreamsConfig>();
    const name = table.name ?? "";
    const declared = tablesWithStreams.some((key) => name === key || name.startsWith(`${key}-`));
    if (!declared) {
      reportViolation(violation(TABLE, args.name, `(${name}) has a stream, and only ${tablesWithStreams.join(", ")} may`, "remove stream from its table spec, or add the table to tablesWithStreams in the policy pack"));
    }
  }),
};
