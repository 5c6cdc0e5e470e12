export { EntityRisksContent, RisksTab } from './EntityRisksContent';
export { RiskRegisterContent } from './RiskRegisterContent';
export { RiskHeatMap } from './RiskHeatMap';
