export { aimsApiRef } from './AimsApi';
export type {
  AimsApi,
  AimsEntityRef,
  RiskQuery,
  FindingQuery,
  SoaTransitionRequest,
  EvidenceQuery,
  ControlExportFormat,
  MonitoringQuery,
  MonitoringOverview,
} from './AimsApi';
export { AimsClient, entityPath } from './AimsClient';
