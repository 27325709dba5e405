// Jest loads this module in place of libs/platform/src/table-specs/production-tables.ts (jest.preset.js
// moduleNameMapper), so the real stack programs and tools run in tests with the tests' own tables.
export { TEST_TABLES as PRODUCTION_TABLES } from "./test-tables";
