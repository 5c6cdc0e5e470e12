export { aimsApiRef } from './AimsApi';
export type {
  AimsApi,
  AimsEntityRef,
  RiskQuery,
  FindingQuery,
} from './AimsApi';
export { AimsClient, entityPath } from './AimsClient';
export type {
  SoaDocument,
  SoaRow,
  SoaOwnControl,
  SoaCoverageCounts,
  SoaVersionInfo,
  SoaRowInput,
  SoaOwnControlInput,
  SoaTransitionRequest,
  EvidenceItem,
  EvidenceItemInput,
  EvidenceQuery,
  AISystemControls,
  AISystemControl,
  AISystemControlInput,
  ControlExportFormat,
} from './soaTypes';
