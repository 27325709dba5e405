import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { IAMClient } from "@aws-sdk/client-iam";
import { KMSClient } from "@aws-sdk/client-kms";
import { SNSClient } from "@aws-sdk/client-sns";
import { awsClientConfig, type RetryMode } from "../live-account";

/** The AWS clients verify uses; tests replace their responses with aws-sdk-client-mock. */
export interface VerifyClients {
  readonly dynamodb: DynamoDBClient;
  readonly kms: KMSClient;
  readonly iam: IAMClient;
  readonly cloudwatch: CloudWatchClient;
  readonly sns: SNSClient;
}

/** SDK v3 clients with the tools' settings (awsClientConfig). */
export function createClients(region: string, retryMode?: RetryMode): VerifyClients {
  const config = awsClientConfig(region, retryMode);
  return {
    dynamodb: new DynamoDBClient(config),
    kms: new KMSClient(config),
    // IAM is global; the region only picks the endpoint's partition.
    iam: new IAMClient(config),
    cloudwatch: new CloudWatchClient(config),
    sns: new SNSClient(config),
  };
}
