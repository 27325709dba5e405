import type { TrustedPrincipals } from "../trusted-principals";

/** Lets exactly the configured principals call sts:AssumeRole. */
export function trustPolicy(principals: TrustedPrincipals): object {
  const principal: Record<string, string[]> = {};
  if (principals.aws.length > 0) principal["AWS"] = [...principals.aws];
  if (principals.services.length > 0) principal["Service"] = [...principals.services];
  return {
    Version: "2012-10-17",
    Statement: [{ Sid: "AssumeRole", Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  };
}
