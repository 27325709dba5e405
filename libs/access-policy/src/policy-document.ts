/**
 * IAM policy documents as plain, typed data, in the JSON shape AWS receives: they are built from
 * strings known before any resource exists, so tests and the IAM simulator read exactly what AWS
 * will store. The access roles' policies and every policy of the bootstrap stack are written in it.
 */
export type Condition = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

export interface Statement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Action: readonly string[];
  readonly Resource: readonly string[];
  readonly Condition?: Condition;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly Statement[];
}

export function policyDocument(statements: readonly Statement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(sid: string, actions: readonly string[], resources: readonly string[], condition?: Condition): Statement {
  return { Sid: sid, Effect: "Allow", Action: actions, Resource: resources, ...(condition ? { Condition: condition } : {}) };
}

export function deny(sid: string, actions: readonly string[], resources: readonly string[]): Statement {
  return { Sid: sid, Effect: "Deny", Action: actions, Resource: resources };
}
