import {
  IMPACT_ASSESSMENT_STATUS_LABELS,
  ImpactAssessmentStatus,
  ImpactAssessmentSummary,
} from '../api/types';

/** The lifecycle that owes no impact assessment, as `owesImpactAssessment` spells it. */
export const RETIRED_LIFECYCLE = 'retired';

/**
 * Whether an AI system owes an impact assessment (ISO/IEC 42001 6.1.4 / 8.4, A.5.2): every
 * system does, except a retired one — it no longer affects anyone. Lifecycle is a free string
 * in the catalog, so `Retired` counts too.
 */
export function owesImpactAssessment(
  lifecycle: string | undefined | null,
): boolean {
  return lifecycle?.trim().toLocaleLowerCase('en-US') !== RETIRED_LIFECYCLE;
}

/**
 * Where an impact assessment stands for the people who read it. The API's status now carries
 * `not-required` itself, so this is the same type; the name is kept for the code using it.
 */
export type ImpactAssessmentStanding = ImpactAssessmentStatus;

/** Labels of every standing (the same as the status labels, `not-required` included). */
export const IMPACT_ASSESSMENT_STANDING_LABELS: Record<
  ImpactAssessmentStanding,
  string
> = IMPACT_ASSESSMENT_STATUS_LABELS;

/**
 * The one rule for the status a system's impact assessment shows, used by the backend's
 * inventory, counts and status answers and by the frontend alike:
 * - a system that owes an assessment shows its status as it is;
 * - a system that owes none (retired) and has none (`missing`) is `not-required`;
 * - a retired system whose approved assessment is past its review date shows `approved`, not
 *   `review-overdue`: no review is owed any more, and the approval (with its `approvedAt`)
 *   is still what the record says about the system when it ran;
 * - a draft or review in progress, or an approval, shows as it is.
 * Applying the rule again changes nothing (`not-required` stays).
 */
export function impactAssessmentStanding(input: {
  lifecycle: string | undefined | null;
  status: ImpactAssessmentStatus;
}): ImpactAssessmentStanding {
  if (owesImpactAssessment(input.lifecycle)) return input.status;
  if (input.status === 'missing') return 'not-required';
  if (input.status === 'review-overdue') return 'approved';
  return input.status;
}

/**
 * A stored summary (from the assessment versions alone) as the API answers it for a system
 * with this lifecycle: its status through `impactAssessmentStanding`, dates unchanged.
 */
export function impactAssessmentSummaryStanding(
  lifecycle: string | undefined | null,
  summary: ImpactAssessmentSummary,
): ImpactAssessmentSummary {
  const status = impactAssessmentStanding({
    lifecycle,
    status: summary.status,
  });
  return status === summary.status ? summary : { ...summary, status };
}
