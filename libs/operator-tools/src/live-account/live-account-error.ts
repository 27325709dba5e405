/**
 * A failure talking to the live account, reduced to one line an operator can act on. Tools print
 * `error.message` alone and exit non-zero; they never print a stack trace for these.
 */
export class LiveAccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LiveAccountError";
  }
}

interface AwsLikeError {
  readonly name?: string;
  readonly message?: string;
  readonly Code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const CREDENTIALS_MISSING = new Set(["CredentialsProviderError", "ProviderError"]);
const CREDENTIALS_EXPIRED = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "TokenRefreshRequired",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
]);
const ACCESS_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError"]);
const THROTTLED = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "TooManyRequestsException",
  "RequestLimitExceeded",
  "ProvisionedThroughputExceededException",
  "LimitExceededException",
]);
const NOT_FOUND = new Set(["ResourceNotFoundException", "NoSuchEntity", "NoSuchEntityException", "NotFound", "NotFoundException", "ResourceNotFound"]);

/**
 * Turns an AWS SDK v3 error into a LiveAccountError naming the call that failed and what to do.
 * `call` names the operation and its target, e.g. "DescribeTable events".
 */
export function describeAwsError(error: unknown, call: string): LiveAccountError {
  if (error instanceof LiveAccountError) return error;
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? aws.Code ?? "Error";
  const detail = (aws.message ?? String(error)).split("\n")[0];
  if (CREDENTIALS_MISSING.has(name) || /Could not load credentials|credential/i.test(name)) {
    return new LiveAccountError(
      `${call}: no AWS credentials found. Sign in (e.g. 'aws sso login' or set AWS_PROFILE) and run again.`,
    );
  }
  if (CREDENTIALS_EXPIRED.has(name)) {
    return new LiveAccountError(`${call}: the AWS credentials are expired or invalid (${name}). Refresh them and run again.`);
  }
  if (isAccessDenied(error)) {
    return new LiveAccountError(`${call}: access denied (${detail}). Use a role allowed this read-only call.`);
  }
  if (THROTTLED.has(name)) {
    return new LiveAccountError(`${call}: AWS kept throttling the request after retries with backoff (${name}). Run again later.`);
  }
  if (NOT_FOUND.has(name)) {
    return new LiveAccountError(`${call}: not found (${detail}).`);
  }
  return new LiveAccountError(`${call}: ${name}: ${detail}`);
}

/** True for an error that means the caller is not allowed the call (by name, or HTTP 403). */
export function isAccessDenied(error: unknown): boolean {
  const aws = (error ?? {}) as AwsLikeError;
  const name = aws.name ?? aws.Code;
  return (name !== undefined && ACCESS_DENIED.has(name)) || aws.$metadata?.httpStatusCode === 403;
}

/** True for an error that means the named resource does not exist. */
export function isNotFound(error: unknown): boolean {
  const name = (error as AwsLikeError | undefined)?.name;
  return name !== undefined && NOT_FOUND.has(name);
}

/** Runs one AWS call; any failure becomes a LiveAccountError naming `call`. */
export async function awsCall<T>(call: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw describeAwsError(error, call);
  }
}
