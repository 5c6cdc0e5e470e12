export * from './chips';
export { AISystemOverviewCard } from './AISystemOverviewCard';
export { EntityAISystemsCard } from './EntityAISystemsCard';
export { AIInventoryPage, AIInventoryContent } from './AIInventoryPage';
