import { cloudResources, expectRunFailure, resourcesOfType, type ProgramRun } from "@dynamodb-platform/program-runner";
import { REPOSITORY_VARIABLES } from "@dynamodb-platform/platform";
import { awsTypeDeclaresTags } from "@dynamodb-platform/testing";
import { ROLE, STACKS, runBootstrapStack } from "./run-bootstrap-stack";
import { ACCOUNT, BUCKET, policyOf, trustOf } from "./role-matrix";
import { simulate } from "@dynamodb-platform/testing";

const REPO = "analytics-platform/dynamodb-platform";

const githubTrust = (subjects: string | string[], provider: unknown = expect.any(String)) => ({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "GitHubActionsOidc",
      Effect: "Allow",
      Principal: { Federated: [provider] },
      Action: "sts:AssumeRoleWithWebIdentity",
      Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": subjects } },
    },
  ],
});

describe.each(STACKS)("bootstrap (%s)", (stack) => {
  let run: ProgramRun;
  beforeAll(async () => {
    run = await runBootstrapStack(stack);
  });

  test("outputs exactly the repository variables the workflow reads", () => {
    expect(Object.keys(run.outputs).sort()).toEqual([...REPOSITORY_VARIABLES].sort());
    expect(run.outputs).toEqual({
      AWS_PREVIEW_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-preview`,
      AWS_DATA_DEPLOY_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-deploy-data`,
      AWS_MONITORING_DEPLOY_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-deploy-monitoring`,
      AWS_ACCESS_DEPLOY_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-deploy-access`,
      PULUMI_BACKEND_URL: `s3://pulumi-state-${ACCOUNT}-ap-southeast-2`,
    });
  });

  test("creates GitHub's OIDC provider for the sts.amazonaws.com audience", () => {
    const [provider] = resourcesOfType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider");
    expect(provider.inputs).toMatchObject({ url: "https://token.actions.githubusercontent.com", clientIdLists: ["sts.amazonaws.com"] });
  });

  test("pull requests and the scheduled drift check on main (no environment) may assume only the preview role; deploy roles trust only the production environment", () => {
    const pullRequest = `repo:${REPO}:pull_request`;
    const production = `repo:${REPO}:environment:production`;
    const driftCheck = `repo:${REPO}:ref:refs/heads/main`;
    expect(trustOf(run, "dynamodb-platform-preview")).toEqual(githubTrust([pullRequest, production, driftCheck]));
    for (const name of ["data", "monitoring", "access"]) {
      expect(trustOf(run, `dynamodb-platform-deploy-${name}`)).toEqual(githubTrust(production));
    }
    expect(resourcesOfType(run, ROLE)).toHaveLength(4);
  });

  test("the state bucket is versioned, encrypted, never public and TLS only", async () => {
    const name = `pulumi-state-${ACCOUNT}-ap-southeast-2`;
    expect(resourcesOfType(run, "aws:s3/bucket:Bucket")[0].inputs).toMatchObject({ bucket: name, forceDestroy: false });
    expect(resourcesOfType(run, "aws:s3/bucketVersioning:BucketVersioning")[0].inputs["versioningConfiguration"]).toEqual({ status: "Enabled" });
    expect(resourcesOfType(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")[0].inputs["rules"]).toEqual([
      { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
    ]);
    expect(resourcesOfType(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")[0].inputs).toMatchObject({
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    const bucketPolicy: unknown = JSON.parse(String(resourcesOfType(run, "aws:s3/bucketPolicy:BucketPolicy")[0].inputs["policy"]));
    const anyone = { principal: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-deploy-data`, resourcePolicy: bucketPolicy, policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] } };
    const get = (secure: string) => simulate(anyone, { action: "s3:GetObject", resource: `${BUCKET}/.pulumi/meta.yaml`, context: { "aws:SecureTransport": secure } });
    const list = (secure: string) => simulate(anyone, { action: "s3:ListBucket", resource: BUCKET, context: { "aws:SecureTransport": secure } });
    expect(await get("false")).toBe("Denied");
    expect(await get("true")).toBe("Allowed");
    // The bucket itself too: listing shows every stack's name.
    expect(await list("false")).toBe("Denied");
    expect(await list("true")).toBe("Allowed");
  });

  test("every resource @pulumi/aws lets us tag carries the stack's mandatory tags; no other has tags", () => {
    const expected = stack === "prod"
      ? { Environment: "production", Team: "analytics-platform", CostCenter: "CC-4471" }
      : { Environment: "development", Team: "analytics-platform", CostCenter: "CC-4471" };
    const resources = cloudResources(run);
    expect(resources.filter((r) => awsTypeDeclaresTags(r.type))).toHaveLength(7);
    for (const resource of resources) {
      const tags = awsTypeDeclaresTags(resource.type) ? expected : undefined;
      expect({ resource: `${resource.type} ${resource.name}`, tags: resource.inputs["tags"] }).toEqual({ resource: `${resource.type} ${resource.name}`, tags });
    }
  });
});

describe("configuration", () => {
  test("an existing OIDC provider is reused, not created, and trusted by every role", async () => {
    const existing = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    const run = await runBootstrapStack("prod", { githubOidcProviderArn: existing });
    expect(resourcesOfType(run, "aws:iam/openIdConnectProvider:OpenIdConnectProvider")).toEqual([]);
    for (const name of ["preview", "deploy-data", "deploy-monitoring", "deploy-access"]) {
      expect(trustOf(run, `dynamodb-platform-${name}`)).toMatchObject({ Statement: [{ Principal: { Federated: [existing] } }] });
    }
  });

  test("a named state bucket is used in the backend URL and in every role's state permissions", async () => {
    const run = await runBootstrapStack("prod", { stateBucketName: "acme-pulumi-state" });
    expect(run.outputs["PULUMI_BACKEND_URL"]).toBe("s3://acme-pulumi-state");
    expect(resourcesOfType(run, "aws:s3/bucket:Bucket")[0].inputs["bucket"]).toBe("acme-pulumi-state");
    const named = "arn:aws:s3:::acme-pulumi-state";
    for (const name of ["preview", "deploy-data", "deploy-monitoring", "deploy-access"]) {
      const holder = { principal: `arn:aws:iam::${ACCOUNT}:role/dynamodb-platform-${name}`, policy: policyOf(run, `dynamodb-platform-${name}`) };
      const verdicts = await Promise.all(
        [
          { action: "s3:ListBucket", resource: named },
          { action: "s3:GetObject", resource: `${named}/.pulumi/meta.yaml` },
          { action: "s3:ListBucket", resource: BUCKET },
          { action: "s3:GetObject", resource: `${BUCKET}/.pulumi/meta.yaml` },
        ].map((request) => simulate(holder, request)),
      );
      expect({ role: name, verdicts }).toEqual({ role: name, verdicts: ["Allowed", "Allowed", "Denied", "Denied"] });
    }
  });

  test("serving dev and prod scopes the roles to both stacks' tables", async () => {
    const run = await runBootstrapStack("prod", { servedStacks: '["dev","prod"]' });
    const boundary = String(resourcesOfType(run, "aws:iam/policy:Policy")[0].inputs["policy"]);
    expect(boundary).toContain("table/events-dev");
    expect(boundary).toContain("table/events\"");
  });

  test.each([
    ["a wildcard repository", { githubRepository: "analytics-platform/*" }, /'dynamodb-bootstrap:githubRepository': 'analytics-platform\/\*' is a wildcard/],
    ["a repository without its owner", { githubRepository: "dynamodb-platform" }, /'dynamodb-bootstrap:githubRepository': 'dynamodb-platform' is not a GitHub repository. Use owner\/name/],
    ["no repository", { githubRepository: undefined }, /'dynamodb-bootstrap:githubRepository': it is missing/],
    ["no served stack", { servedStacks: "[]" }, /'dynamodb-bootstrap:servedStacks': it is missing or empty/],
    ["an unknown stack", { servedStacks: '["staging"]' }, /'dynamodb-bootstrap:servedStacks': 'staging' has no Pulumi.staging.yaml in stacks\/data, stacks\/monitoring, stacks\/access. Serve a stack every project has \(dev, prod\)/],
    ["a stack listed twice", { servedStacks: '["prod","prod"]' }, /a stack is listed twice/],
    ["a provider ARN of another issuer", { githubOidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/accounts.google.com" }, /'dynamodb-bootstrap:githubOidcProviderArn': .* is not the ARN of GitHub's OIDC provider/],
    ["a bucket name with capitals", { stateBucketName: "Pulumi-State" }, /'dynamodb-bootstrap:stateBucketName': 'Pulumi-State' is not a usable S3 bucket name/],
    ["an empty team", { team: "" }, /'dynamodb-bootstrap:team': it is empty/],
    ["a misspelt key", { servedStack: '["prod"]' }, /'dynamodb-bootstrap:servedStack': it is not a key this stack reads \(written in .*stacks\/bootstrap\/Pulumi\.prod\.yaml\)\. Did you mean 'dynamodb-bootstrap:servedStacks'\?/],
    ["a suffix, which bootstrap does not read", { environmentSuffix: "prod" }, /'dynamodb-bootstrap:environmentSuffix': it is not a key this stack reads/],
  ])("%s stops the run with a named error before any resource", async (_case, overrides, message) => {
    const failure = await expectRunFailure(runBootstrapStack("prod", overrides));
    expect(failure.message).toMatch(message);
    expect(failure.resources.filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });
});
