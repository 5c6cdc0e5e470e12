export { ImpactAssessmentStatusChip, EuAiActTierChip, HealthChip } from './chips';
