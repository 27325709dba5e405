export type {
  GlobalIndexSpec,
  KeyAttribute,
  StreamViewType,
  TableSpec,
} from "./table-spec";
export { PRODUCTION_TABLES } from "./production-tables";
export { attributeDefinitions, validateTableSpecs } from "./validate-specs";
export { isAdopted, physicalTableName, type PhysicalNameOptions } from "./physical-name";
export { DATA_LOSS_ACCEPTED_KEY, DATA_LOSS_PROPERTIES, type DataLossAccepted, type DataLossProperty } from "./data-loss";
export { dataLossAcceptedLines, readDataLossAccepted } from "./data-loss-config";
export { BILLING_PROPERTIES, INDEX_PROPERTIES, PITR_PROPERTIES, STREAM_PROPERTIES } from "./update-kinds";
