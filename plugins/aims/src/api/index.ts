export { aimsApiRef } from './AimsApi';
export type {
  AimsApi,
  AimsEntityRef,
  RiskQuery,
  FindingQuery,
} from './AimsApi';
export { AimsClient, entityPath } from './AimsClient';
