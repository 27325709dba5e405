import { isTaggableAwsType, UNTAGGABLE_AWS_TYPES } from "@dynamodb-platform/tags";
import { cloudResources, runDataStack, STACKS } from "./run-data-stack";

describe.each(STACKS)("mandatory tags on the data stack (%s)", (stack) => {
  test("every taggable resource carries Environment, Team and CostCenter from config", async () => {
    const run = await runDataStack(stack);
    const project = run.project;
    const expected = {
      Environment: run.config[`${project}:environment`],
      Team: run.config[`${project}:team`],
      CostCenter: run.config[`${project}:costCenter`],
    };
    const resources = cloudResources(run);
    expect(resources.length).toBeGreaterThan(3);
    for (const resource of resources) {
      if (isTaggableAwsType(resource.type)) {
        expect({ resource: resource.name, tags: resource.inputs["tags"] }).toEqual({
          resource: resource.name,
          tags: expect.objectContaining(expected) as unknown,
        });
      } else {
        expect(UNTAGGABLE_AWS_TYPES.has(resource.type)).toBe(true);
        expect(resource.inputs).not.toHaveProperty("tags");
      }
    }
  });
});
