import type * as aws from "@pulumi/aws";
import type { TrustedPrincipals } from "../trusted-principals";

/** Lets exactly the configured principals call sts:AssumeRole. */
export function trustPolicy(principals: TrustedPrincipals): aws.iam.PolicyDocument {
  // One Principal block may name accounts/roles and services together; the provider's types model one kind each.
  const principal = {
    ...(principals.aws.length > 0 ? { AWS: [...principals.aws] } : {}),
    ...(principals.services.length > 0 ? { Service: [...principals.services] } : {}),
  } as aws.iam.AWSPrincipal & aws.iam.ServicePrincipal;
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "AssumeRole", Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  };
}
