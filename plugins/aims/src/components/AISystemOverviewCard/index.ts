export { AISystemOverviewCard, AISystemOverview } from './AISystemOverviewCard';
