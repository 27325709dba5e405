export type { CostReport } from "./report";
