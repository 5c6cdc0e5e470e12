export {
  ImpactAssessmentStatusChip,
  EuAiActTierChip,
  HealthChip,
  RiskScoreChip,
  NeedsSignOffChip,
} from './chips';
