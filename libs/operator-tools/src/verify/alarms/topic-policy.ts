/** The parts of an SNS topic policy statement verify reads (IAM JSON policy elements). */
interface PolicyStatement {
  readonly Effect?: string;
  readonly Principal?: string | { readonly Service?: string | readonly string[]; readonly AWS?: string | readonly string[] };
  readonly Action?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

const list = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === "string" ? [value] : value);
const glob = (pattern: string) => new RegExp(`^${pattern.split(/([*?])/).map((part) => (part === "*" ? ".*" : part === "?" ? "." : part.replace(/[.+^${}()|[\]\\/]/g, "\\$&"))).join("")}$`);

/** Condition operators the check evaluates; IAM User Guide, "IAM JSON policy elements: Condition operators". */
const OPERATORS: Readonly<Record<string, (pattern: string, value: string) => boolean>> = {
  StringEquals: (pattern, value) => pattern === value,
  ArnEquals: (pattern, value) => pattern === value,
  StringLike: (pattern, value) => glob(pattern).test(value),
  ArnLike: (pattern, value) => glob(pattern).test(value),
};

/** What the alarm's publish request carries: the confused-deputy keys AWS sets for a service principal. */
export interface PublishContext {
  readonly "aws:SourceAccount": string;
  readonly "aws:SourceArn": string;
}

function publishesOnTopic(statement: PolicyStatement, topicArn: string): boolean {
  const actions = list(statement.Action).map((action) => action.toLowerCase());
  const resources = list(statement.Resource);
  return (actions.includes("sns:publish") || actions.includes("sns:*")) && (resources.includes(topicArn) || resources.includes("*"));
}

const namesCloudWatch = (statement: PolicyStatement) =>
  typeof statement.Principal === "object" && list(statement.Principal.Service).includes("cloudwatch.amazonaws.com");
const namesAnyone = (statement: PolicyStatement) =>
  statement.Principal === "*" || (typeof statement.Principal === "object" && list(statement.Principal.AWS).includes("*"));

/** True when every condition of the statement holds for the request; an operator it does not know never holds. */
function conditionsHold(statement: PolicyStatement, request: PublishContext): boolean {
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) => {
    const test = OPERATORS[operator];
    if (!test) return false;
    return Object.entries(keys).every(([key, patterns]) => {
      const value = Object.entries(request).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1] as string | undefined;
      return value !== undefined && list(patterns).some((pattern) => test(pattern, value));
    });
  });
}

const conditionKeys = (statement: PolicyStatement) => Object.values(statement.Condition ?? {}).flatMap((keys) => Object.keys(keys).map((key) => key.toLowerCase()));

/** The confused-deputy keys the stack's policy conditions CloudWatch's publishing on. */
const CONFUSED_DEPUTY_KEYS = ["aws:SourceAccount", "aws:SourceArn"] as const;

/** How a topic policy answers CloudWatch publishing for one alarm; `missing`: the confused-deputy keys an allowing statement does not condition on. */
export type PublishAnswer = "allowed" | "not-allowed" | "allowed-to-anyone" | { readonly missing: readonly string[] };

/**
 * Whether the policy lets cloudwatch.amazonaws.com sns:Publish for the alarm named in the request,
 * and whether it does so only on the confused-deputy conditions aws:SourceAccount and
 * aws:SourceArn, as the monitoring stack's policy does (IAM User Guide, "The confused deputy
 * problem"; knowledge center "cloudwatch-receive-sns-for-alarm-trigger"). An explicit Deny on
 * publishing without conditions wins (a Deny to "*" covers CloudWatch too); the stack's own Deny
 * only applies to requests without TLS, and CloudWatch publishes over TLS, so conditional Denies
 * are not counted. An Allow to "*" lets CloudWatch publish, but it is not what the stack declares
 * (the service by name): it is reported as such, never passed.
 */
export function cloudWatchPublish(policyJson: string | undefined, topicArn: string, request: PublishContext): PublishAnswer {
  if (!policyJson) return "not-allowed";
  const parsed = JSON.parse(policyJson) as { Statement?: PolicyStatement | PolicyStatement[] };
  const statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
  const onTopic = statements.filter((statement) => publishesOnTopic(statement, topicArn));
  if (onTopic.some((statement) => (namesCloudWatch(statement) || namesAnyone(statement)) && statement.Effect === "Deny" && statement.Condition === undefined)) return "not-allowed";
  const allows = (statement: PolicyStatement) => statement.Effect === "Allow" && conditionsHold(statement, request);
  const allowing = onTopic.filter((statement) => namesCloudWatch(statement) && allows(statement));
  if (allowing.length === 0) return onTopic.some((statement) => namesAnyone(statement) && allows(statement)) ? "allowed-to-anyone" : "not-allowed";
  const missing = CONFUSED_DEPUTY_KEYS.filter((key) => !allowing.every((statement) => conditionKeys(statement).includes(key.toLowerCase())));
  return missing.length === 0 ? "allowed" : { missing };
}
