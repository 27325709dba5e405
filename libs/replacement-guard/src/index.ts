export { parsePreviewDocument, PreviewDocumentError, type PreviewDocument, type PreviewStep } from "./preview-document";
export { DYNAMODB_TABLE, describeReplacement, findTableReplacements, type TableReplacement } from "./table-replacements";
