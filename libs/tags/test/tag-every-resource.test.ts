import * as path from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { resourceNamed, runProgram } from "@dynamodb-platform/program-runner";
import { tagEveryResource, type MandatoryTags } from "../src";

const mandatory: MandatoryTags = { Environment: "test", Team: "platform", CostCenter: "CC-1" };

class Wrapper extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:Wrapper", name);
    new aws.sns.Topic("nested-topic", {}, { parent: this });
  }
}

async function program(): Promise<Record<string, unknown>> {
  tagEveryResource(mandatory);
  const source = new aws.sns.Topic("source-topic", { tags: { Owner: "someone" } });
  // A tag whose value is computed from another resource's output.
  new aws.sns.Topic("computed-topic", { tags: { Source: source.arn.apply((arn) => arn.split(":").pop() ?? "") } });
  // A resource trying to override a mandatory tag.
  new aws.sns.Topic("override-topic", { tags: { Team: "someone-else" } });
  new Wrapper("wrapper");
  new aws.sns.TopicSubscription("subscription", { topic: source.arn, protocol: "email", endpoint: "a@example.com" });
  return Promise.resolve({});
}

describe("tagEveryResource", () => {
  const run = runProgram({ stackDir: path.join(__dirname, "fixture"), stack: "test", program });

  test("adds the mandatory tags to a resource's own tags", async () => {
    expect(resourceNamed(await run, "aws:sns/topic:Topic", "source-topic").inputs["tags"]).toEqual({ Owner: "someone", ...mandatory });
  });

  test("keeps computed tag values, resolved through apply()", async () => {
    expect(resourceNamed(await run, "aws:sns/topic:Topic", "computed-topic").inputs["tags"]).toEqual({
      Source: "source-topic",
      ...mandatory,
    });
  });

  test("mandatory tags win over a resource's own value", async () => {
    expect(resourceNamed(await run, "aws:sns/topic:Topic", "override-topic").inputs["tags"]).toEqual(mandatory);
  });

  test("reaches resources inside components", async () => {
    expect(resourceNamed(await run, "aws:sns/topic:Topic", "nested-topic").inputs["tags"]).toEqual(mandatory);
  });

  test("leaves resources that take no tags alone", async () => {
    expect(resourceNamed(await run, "aws:sns/topicSubscription:TopicSubscription", "subscription").inputs).not.toHaveProperty("tags");
  });
});
