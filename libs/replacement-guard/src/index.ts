export { parsePreviewDocument, PreviewDocumentError, type PreviewDocument, type PreviewStep } from "./preview-document";
export { DESTROYS_TABLE, destroysTable } from "./step-kinds";
export { DYNAMODB_TABLE } from "./table-steps";
export { checkPreview, describeDestruction, passes, type Finding, type GuardResult, type TagRemoval, type UpdateConflict } from "./guard";
export { DATA_STACK_DIR, readGuardContext, type GuardContext } from "./guard-context";
export { acceptingLines, formatResult } from "./report";
