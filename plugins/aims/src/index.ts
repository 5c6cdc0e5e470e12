/**
 * AIMS frontend (legacy frontend system exports). The new frontend system plugin is the
 * default export of `@internal/plugin-aims/alpha`.
 *
 * @packageDocumentation
 */
export {
  aimsPlugin,
  aiInventoryRouteRef,
  AIInventoryPage,
  EntityAISystemOverviewCard,
  EntityAISystemsCard,
} from './plugin';
export { aimsApiRef, AimsClient } from './api';
export type { AimsApi } from './api';
export {
  ImpactAssessmentStatusChip,
  EuAiActTierChip,
  HealthChip,
} from './components/chips';
export { AISystemOverviewCard } from './components/AISystemOverviewCard';
export { AIInventoryContent } from './components/AIInventoryPage';
