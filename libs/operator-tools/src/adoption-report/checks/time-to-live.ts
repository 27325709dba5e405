import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

/**
 * The specs declare no TTL and the program gives the table no `ttl` block. The provider's `ttl`
 * is optional and computed and suppresses the diff of a missing block (terraform-provider-aws,
 * internal/service/dynamodb/table.go, `verify.SuppressMissingOptionalConfigurationBlock`), so
 * adoption keeps a live TTL. Removing it would be a loss the guard refuses without `ttl`.
 */
export function checkTimeToLive({ live }: CheckInput): Finding[] {
  const status = live.timeToLive?.TimeToLiveStatus ?? "DISABLED";
  const attribute = live.timeToLive?.AttributeName;
  const on = status === "ENABLED" || status === "ENABLING";
  return [
    {
      topic: "time to live",
      live: on ? `${status} on attribute '${attribute ?? "?"}'` : status,
      spec: "not declared",
      adoption: on ? "kept: the program declares no ttl block, which the provider leaves as it is" : "unchanged",
      verdict: "ok",
    },
  ];
}
