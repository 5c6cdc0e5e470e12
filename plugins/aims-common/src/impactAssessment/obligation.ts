import { IMPACT_ASSESSMENT_STATUS_LABELS, ImpactAssessmentStatus } from '../api/types';

/**
 * Whether an AI system owes an impact assessment (ISO/IEC 42001 6.1.4 / 8.4, A.5.2): every
 * system does, except a retired one — it no longer affects anyone. Lifecycle is a free string
 * in the catalog, so `Retired` counts too.
 */
export function owesImpactAssessment(lifecycle: string | undefined | null): boolean {
  return lifecycle?.trim().toLocaleLowerCase('en-US') !== 'retired';
}

/** Where an impact assessment stands for the people who read it: its status, or not required. */
export type ImpactAssessmentStanding = ImpactAssessmentStatus | 'not-required';

export const IMPACT_ASSESSMENT_STANDING_LABELS: Record<ImpactAssessmentStanding, string> = {
  ...IMPACT_ASSESSMENT_STATUS_LABELS,
  'not-required': 'Not required',
};

/**
 * The standing to show for a system's impact-assessment status: a system that owes none is
 * `not-required` where the status would otherwise say something is owed (`missing`, or a
 * review that is overdue). An assessment still in draft or review, or approved, shows as it is.
 */
export function impactAssessmentStanding(input: {
  lifecycle: string | undefined | null;
  status: ImpactAssessmentStatus;
}): ImpactAssessmentStanding {
  const owed = input.status === 'missing' || input.status === 'review-overdue';
  return owed && !owesImpactAssessment(input.lifecycle) ? 'not-required' : input.status;
}
