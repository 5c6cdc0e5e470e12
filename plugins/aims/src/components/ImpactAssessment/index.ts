export {
  EntityImpactAssessmentContent,
  ImpactAssessmentTab,
} from './EntityImpactAssessmentContent';
