/** One Allow statement of an IAM policy, typed so a policy is built from data, not strings. */
export interface AllowStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

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
