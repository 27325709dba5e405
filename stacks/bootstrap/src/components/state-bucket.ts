import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface StateBucketArgs {
  readonly bucketName: string;
  /** `arn:<partition>:s3:::<name>`, known before the bucket exists. */
  readonly bucketArn: string;
}

/** Every request over plain HTTP is refused (Amazon S3 User Guide, "Security best practices": aws:SecureTransport). */
function tlsOnlyBucketPolicy(bucketArn: string): aws.iam.PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DenyRequestsWithoutTls",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}

/**
 * The Pulumi state bucket: versioned (every checkpoint write keeps the previous one), encrypted at
 * rest with S3-managed keys (SSE-S3, so the roles need no KMS permission), never public, TLS only.
 * Not force-destroyed: deleting the bootstrap stack fails while any state is left in it.
 */
export class StateBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;

  constructor(name: string, args: StateBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dynamodb-platform:bootstrap:StateBucket", name, {}, opts);
    const child = { parent: this };
    this.bucket = new aws.s3.Bucket(name, { bucket: args.bucketName, forceDestroy: false }, child);
    new aws.s3.BucketVersioning(name, { bucket: this.bucket.id, versioningConfiguration: { status: "Enabled" } }, child);
    new aws.s3.BucketServerSideEncryptionConfiguration(
      name,
      { bucket: this.bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      child,
    );
    const publicAccess = new aws.s3.BucketPublicAccessBlock(
      name,
      { bucket: this.bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      child,
    );
    new aws.s3.BucketPolicy(
      name,
      { bucket: this.bucket.id, policy: JSON.stringify(tlsOnlyBucketPolicy(args.bucketArn)) },
      // S3 refuses a bucket policy while public access settings are being changed.
      { parent: this, dependsOn: [publicAccess] },
    );
    this.registerOutputs({ bucket: this.bucket.bucket });
  }
}
