import {
  ACCESS_ROLE_NAME,
  PLATFORM_PREVIEW_ROLE_NAME,
  PLATFORM_ROLE_NAME,
  alarmTopicName,
  dashboardName,
  platformDeployRoleName,
  systemErrorsAlarmName,
  userErrorsAlarmName,
} from "../src/config";

describe("monitoring resource names (the names operators and the deploy roles rely on)", () => {
  test("one SystemErrors alarm per table, carrying the table and the suffix", () => {
    expect(systemErrorsAlarmName("events", "dev")).toBe("systemerrors-events-dev");
    expect(systemErrorsAlarmName("sessions", "prod")).toBe("systemerrors-sessions-prod");
  });

  test("account-wide alarm, topic and dashboard stand 'dynamodb' in for the table", () => {
    expect(userErrorsAlarmName("pr-42")).toBe("usererrors-dynamodb-pr-42");
    expect(alarmTopicName("prod")).toBe("alarms-dynamodb-prod");
    expect(dashboardName("dev")).toBe("dynamodb-dev");
  });
});

describe("the platform's CI role names", () => {
  const stacks = ["data", "monitoring", "access"];

  test("preview and one deploy role per stack, matched by the rule and within IAM's 64 characters", () => {
    const names = [PLATFORM_PREVIEW_ROLE_NAME, ...stacks.map(platformDeployRoleName)];
    expect(names).toEqual(["dynamodb-platform-preview", "dynamodb-platform-deploy-data", "dynamodb-platform-deploy-monitoring", "dynamodb-platform-deploy-access"]);
    for (const name of names) {
      expect({ name, platform: PLATFORM_ROLE_NAME.test(name), access: ACCESS_ROLE_NAME.test(name), fits: name.length <= 64 }).toEqual({ name, platform: true, access: false, fits: true });
    }
  });

  test.each([
    "dynamodb-platform-admin",
    "dynamodb-platform-deploy-",
    "dynamodb-platform-deploy-data-extra",
    "dynamodb-platform-preview-dev",
    "x-dynamodb-platform-preview",
    "dynamodb-events-read-role",
  ])("%s is not a platform CI role name", (name) => {
    expect(PLATFORM_ROLE_NAME.test(name)).toBe(false);
  });
});
