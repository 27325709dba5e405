import { TABLE, violation, type PlatformPolicy } from "./rule";

type Props = Record<string, unknown>;

function tableName(props: Props): string {
  return typeof props["name"] === "string" ? props["name"] : "";
}

export const dynamodbOnDemand: PlatformPolicy = {
  name: "dynamodb-on-demand",
  description: "DynamoDB tables bill PAY_PER_REQUEST, with no provisioned capacity on the table or any GSI.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TABLE) return;
    if (args.props["billingMode"] !== "PAY_PER_REQUEST") {
      reportViolation(violation(args.type, args.name, `has billingMode ${String(args.props["billingMode"] ?? "unset (PROVISIONED)")}`, "set billingMode: \"PAY_PER_REQUEST\""));
    }
    const capacity = (owner: Props, where: string) =>
      ["readCapacity", "writeCapacity"]
        .filter((key) => owner[key] !== undefined)
        .forEach((key) => reportViolation(violation(args.type, args.name, `sets ${key} on ${where}`, `remove ${key}: on-demand tables have no provisioned capacity`)));
    capacity(args.props, "the table");
    for (const index of (args.props["globalSecondaryIndexes"] ?? []) as Props[]) {
      capacity(index, `GSI '${String(index["name"])}'`);
    }
  },
};

export const dynamodbAwsManagedEncryption: PlatformPolicy = {
  name: "dynamodb-aws-managed-encryption",
  description: "DynamoDB tables are encrypted with the AWS managed key: serverSideEncryption enabled, no kmsKeyArn.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TABLE) return;
    const sse = (args.props["serverSideEncryption"] ?? {}) as Props;
    if (sse["enabled"] !== true) {
      reportViolation(violation(args.type, args.name, "uses the AWS owned key (serverSideEncryption not enabled)", "set serverSideEncryption: { enabled: true } (the AWS managed key alias/aws/dynamodb)"));
    }
    if (sse["kmsKeyArn"] !== undefined) {
      reportViolation(violation(args.type, args.name, "uses a customer managed key", "remove serverSideEncryption.kmsKeyArn to use the AWS managed key"));
    }
  },
};

export const dynamodbDeletionProtectionOff: PlatformPolicy = {
  name: "dynamodb-deletion-protection-off",
  description: "DynamoDB tables have deletion protection off, so every stack stays destroyable.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TABLE) return;
    if (args.props["deletionProtectionEnabled"] === true) {
      reportViolation(violation(args.type, args.name, "has deletion protection on", "set deletionProtectionEnabled: false"));
    }
  },
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
  validateResource: (args, reportViolation) => {
    if (args.type !== TABLE || args.props["streamEnabled"] !== true) return;
    const { tablesWithStreams } = args.getConfig<StreamsConfig>();
    const name = tableName(args.props);
    const declared = tablesWithStreams.some((key) => name === key || name.startsWith(`${key}-`));
    if (!declared) {
      reportViolation(violation(args.type, args.name, `(${name}) has a stream, and only ${tablesWithStreams.join(", ")} may`, "remove stream from its table spec, or add the table to tablesWithStreams in the policy pack"));
    }
  },
};
