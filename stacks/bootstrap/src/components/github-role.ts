import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PolicyDocument } from "@dynamodb-platform/access-policy";
import { githubTrustPolicy } from "../policies/github-trust";

export interface GithubRoleArgs {
  readonly roleName: string;
  readonly description: string;
  readonly providerArn: pulumi.Input<string>;
  /** The OIDC `sub` claims allowed to assume the role. */
  readonly subjects: readonly string[];
  readonly policy: PolicyDocument;
  /** How long a session may last (IAM's default is 3,600 s). */
  readonly maxSessionDuration: number;
}

/** A role GitHub Actions assumes by OIDC, with one inline policy. */
export class GithubRole extends pulumi.ComponentResource {
  readonly role: aws.iam.Role;

  constructor(name: string, args: GithubRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super("dynamodb-platform:bootstrap:GithubRole", name, {}, opts);
    this.role = new aws.iam.Role(
      name,
      {
        name: args.roleName,
        description: args.description,
        maxSessionDuration: args.maxSessionDuration,
        assumeRolePolicy: pulumi.output(args.providerArn).apply((arn) => JSON.stringify(githubTrustPolicy(arn, args.subjects))),
      },
      { parent: this },
    );
    new aws.iam.RolePolicy(name, { role: this.role.name, name: args.roleName, policy: JSON.stringify(args.policy) }, { parent: this.role });
    this.registerOutputs({ arn: this.role.arn });
  }
}
