import type { AllowStatement } from "./statements";

/** The IAM policy document AWS receives for a list of Allow statements. */
export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Action: readonly string[];
    readonly Resource: readonly string[];
  }[];
}

export function policyDocument(statements: readonly AllowStatement[]): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: statements.map((statement) => ({
      Sid: statement.sid,
      Effect: "Allow",
      Action: [...statement.actions],
      Resource: [...statement.resources],
    })),
  };
}
