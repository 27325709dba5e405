import type { EventSourceMappingConfiguration } from "@aws-sdk/client-lambda";
import type { Finding } from "../finding";
import type { CheckInput } from "./check-input";

function consumers(mappings: readonly EventSourceMappingConfiguration[]): string {
  if (mappings.length === 0) return "no Lambda event source mapping reads it";
  const each = mappings.map((mapping) => `${mapping.FunctionArn ?? "?"} (${mapping.State ?? "?"}, mapping ${mapping.UUID ?? "?"})`);
  return `read by ${each.join(", ")}`;
}

/**
 * A stream set off stops its consumers; a different view type needs the stream disabled and
 * enabled again, which creates a new stream with a new ARN (an enabled stream's view type cannot
 * be changed in place: terraform-provider-aws #18402).
 */
export function checkStream({ spec, live }: CheckInput): Finding[] {
  const enabled = live.table.StreamSpecification?.StreamEnabled === true;
  const viewType = live.table.StreamSpecification?.StreamViewType;
  const liveText = enabled ? `enabled, ${viewType ?? "?"} (${live.table.LatestStreamArn ?? "no ARN"}); ${consumers(live.streamConsumers)}` : "disabled";
  const specText = spec.stream ? `enabled, ${spec.stream}` : "disabled";
  const base = { topic: "stream", live: liveText, spec: specText };
  if (!enabled && !spec.stream) return [{ ...base, adoption: "unchanged", verdict: "ok" }];
  if (!enabled) {
    return [{ ...base, adoption: "enabled: a new stream; its ARN reaches readers through the data stack's streamArns output", verdict: "change" }];
  }
  if (!spec.stream) {
    return [{ ...base, adoption: "disabled: every consumer stops", verdict: "data-loss", property: "streamEnabled" }];
  }
  if (viewType !== spec.stream) {
    return [{ ...base, adoption: "disabled and enabled again with the spec's view type: a new stream ARN, consumers must move to it", verdict: "data-loss", property: "streamViewType" }];
  }
  return [{ ...base, adoption: "unchanged", verdict: "ok" }];
}
