/**
 * AWS resource types in @pulumi/aws that accept no `tags` input. Every other `aws:` resource is
 * taggable and gets the mandatory tags; a test proves each entry here really has no `tags`, so
 * the list cannot hide a taggable resource.
 */
export const UNTAGGABLE_AWS_TYPES: ReadonlySet<string> = new Set([
  "aws:dynamodb/contributorInsights:ContributorInsights",
  "aws:sns/topicSubscription:TopicSubscription",
  "aws:sns/topicPolicy:TopicPolicy",
  "aws:cloudwatch/dashboard:Dashboard",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  // The state bucket's settings (bootstrap): separate resources that configure the tagged bucket.
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketPolicy:BucketPolicy",
]);

export function isTaggableAwsType(type: string): boolean {
  return type.startsWith("aws:") && !UNTAGGABLE_AWS_TYPES.has(type);
}
