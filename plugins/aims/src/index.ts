/**
 * AIMS frontend (legacy frontend system exports). The new frontend system plugin is the
 * default export of `@aims-backstage/backstage-plugin-aims/alpha`.
 *
 * @packageDocumentation
 */
export { aiInventoryRouteRef } from './routes';
export {
  aimsPlugin,
  AIInventoryPage,
  EntityAISystemOverviewCard,
  EntityAISystemsCard,
  EntityImpactAssessmentContent,
  EntityRisksContent,
  EntityAimsControlsContent,
  EntityAimsHistoryContent,
  EntityDriftContent,
  EntityDriftBanner,
  EntityAimsMonitoringContent,
} from './plugin';
export { aimsApiRef, AimsClient } from './api';
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
} from './api';
export {
  ImpactAssessmentStatusChip,
  EuAiActTierChip,
  HealthChip,
  RiskScoreChip,
  NeedsSignOffChip,
} from './components/chips';
export { AISystemOverviewCard } from './components/AISystemOverviewCard';
export { AIInventoryContent } from './components/AIInventoryPage';
export { RiskRegisterContent } from './components/Risks';
export { DeploymentSourcesCard } from './components/Drift';
