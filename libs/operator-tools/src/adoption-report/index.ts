export { buildAdoptionReport, defaultClients, type AdoptionReport, type ReportOptions, type TableReport } from "./adoption-report";
export { CONTRIBUTOR_INSIGHTS_ADOPTION } from "./checks/contributor-insights";
export { FAILING_VERDICTS, isFailing, type Finding, type Verdict } from "./finding";
export { readAdoptionState, type LiveClients } from "./read-live-table";
export { main, USAGE } from "./main";
export { renderText } from "./render-text";
