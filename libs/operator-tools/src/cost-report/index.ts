export { main } from "./main";
export { CostReportError } from "./errors";
export { parseOptions, type CostReportOptions } from "./options";
export { buildCostReport, type CostReport } from "./report";
export { renderJson, renderText } from "./render";
export { monitoringFootprint, type MonitoringFootprint } from "./estimate/declared-monitoring";
export { LIVE_SOURCES, type ReportSources } from "./report";
export { RATE_SOURCES, buildRateCard, type RateCard } from "./price-list/rate-card";
export { PRICE_LIST_ENDPOINT_REGION } from "./price-list/fetch-price-list";
