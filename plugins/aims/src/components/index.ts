export * from './chips';
export { AISystemOverviewCard } from './AISystemOverviewCard';
export { EntityAISystemsCard } from './EntityAISystemsCard';
export { AIInventoryPage, AIInventoryContent } from './AIInventoryPage';
export { EntityImpactAssessmentContent } from './ImpactAssessment';
export { EntityRisksContent, RiskRegisterContent } from './Risks';
export { EntityAimsControlsContent } from './Controls';
export { EntityAimsHistoryContent } from './History';
export {
  EntityDriftContent,
  EntityDriftBanner,
  DeploymentSourcesCard,
} from './Drift';
export { EntityAimsMonitoringContent } from './Monitoring';
