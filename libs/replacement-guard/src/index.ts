export { parsePreviewDocument, type PreviewDocument, type PreviewStep } from "./preview-document";
export { DESTROYS_TABLE, destroysTable } from "./step-kinds";
export { checkPreview, passes, type Finding, type GuardResult, type KeyTypeChange, type TagRemoval, type UpdateConflict } from "./guard";
export { readGuardContext, type GuardContext } from "./guard-context";
export { formatResult } from "./report";
