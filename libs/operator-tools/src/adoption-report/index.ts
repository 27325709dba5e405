export { buildAdoptionReport, defaultClients, type AdoptionReport } from "./adoption-report";
export { CONTRIBUTOR_INSIGHTS_ADOPTION } from "./checks/contributor-insights";
export { main } from "./main";
export { renderText } from "./render-text";
