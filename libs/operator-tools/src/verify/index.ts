export { main } from "./main";
export { createClients } from "./clients";
export type { Check } from "./check";
export { TEST_ALARM_REASON } from "./alarms/fire-test-alarm";
