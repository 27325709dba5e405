import { validateDataStackOutputs } from "@dynamodb-platform/platform";
import { MOCK_ACCOUNT_ID, MOCK_STREAM_LABEL } from "@dynamodb-platform/program-runner";
import { runDataStack } from "./run-data-stack";

describe("data stack outputs", () => {
  test("dev exports table names, table ARNs, the events stream ARN and events' contributor insights mode, keyed by table", async () => {
    const run = await runDataStack("dev");
    const arn = (name: string) => `arn:aws:dynamodb:ap-southeast-2:${MOCK_ACCOUNT_ID}:table/${name}`;
    expect(run.outputs).toEqual({
      tableNames: { events: "events-dev", sessions: "sessions-dev", users: "users-dev" },
      tableArns: { events: arn("events-dev"), sessions: arn("sessions-dev"), users: arn("users-dev") },
      streamArns: { events: `${arn("events-dev")}/stream/${MOCK_STREAM_LABEL}` },
      contributorInsightsModes: { events: "ACCESSED_AND_THROTTLED_KEYS" },
    });
  });

  test.each(["dev", "prod"])("%s outputs satisfy the contract monitoring and access read", async (stack) => {
    const run = await runDataStack(stack);
    const outputs = validateDataStackOutputs(`organization/dynamodb-data/${stack}`, run.outputs);
    expect(Object.keys(outputs.tableNames).sort()).toEqual(["events", "sessions", "users"]);
    expect(Object.keys(outputs.streamArns)).toEqual(["events"]);
  });
});
