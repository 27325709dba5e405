import type { KeyAttribute, TableSpec } from "@dynamodb-platform/platform";
import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

function describeKey(hash?: KeyAttribute, range?: KeyAttribute): string {
  const part = (attribute: KeyAttribute | undefined, role: string) =>
    attribute ? `${attribute.name} (${attribute.type}, ${role})` : undefined;
  return [part(hash, "HASH"), part(range, "RANGE")].filter(Boolean).join(" + ") || "(none)";
}

function liveKey({ table }: CheckInput["live"], keyType: "HASH" | "RANGE"): KeyAttribute | undefined {
  const name = table.KeySchema?.find((key) => key.KeyType === keyType)?.AttributeName;
  if (name === undefined) return undefined;
  const type = table.AttributeDefinitions?.find((definition) => definition.AttributeName === name)?.AttributeType;
  return { name, type: type ?? "S" };
}

function sameKey(a: KeyAttribute | undefined, b: KeyAttribute | undefined): boolean {
  return a?.name === b?.name && a?.type === b?.type;
}

/**
 * The key schema must match exactly: a different key forces a replacement, and Pulumi refuses
 * to replace a resource that still carries `import` (pulumi/pulumi#20486), so `pulumi up` fails.
 */
export function checkKeySchema(input: CheckInput): Finding[] {
  const spec: TableSpec = input.spec;
  const hash = liveKey(input.live, "HASH");
  const range = liveKey(input.live, "RANGE");
  const matches = sameKey(hash, spec.hashKey) && sameKey(range, spec.rangeKey);
  return [
    {
      topic: "key schema",
      live: describeKey(hash, range),
      spec: describeKey(spec.hashKey, spec.rangeKey),
      adoption: matches
        ? "imported as it is"
        : "import fails: a different key schema means a replacement, which Pulumi refuses for an imported resource. Make the spec's key equal the live key",
      verdict: matches ? "ok" : "stop",
    },
  ];
}
