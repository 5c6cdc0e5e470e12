import {
  ImpactAssessmentStatus,
  ImpactAssessmentSummary,
} from '@internal/plugin-aims-common';

/** What an AI system without any assessment reports. */
export const MISSING_IMPACT_ASSESSMENT: ImpactAssessmentSummary = {
  status: 'missing',
  approvedAt: null,
  reviewDue: null,
};

/**
 * The summary of an AI system's latest impact assessment. A stored assessment is `draft`,
 * `in-review` or `approved`; an `approved` one whose review date has passed is reported as
 * `review-overdue` (`missing` is the absence of any row).
 */
export function summarizeImpactAssessment(
  latest:
    | { status: string; approvedAt: string | null; reviewDue: string | null }
    | undefined,
  now: Date,
): ImpactAssessmentSummary {
  if (!latest) return MISSING_IMPACT_ASSESSMENT;
  let status = latest.status as ImpactAssessmentStatus;
  if (
    status === 'approved' &&
    latest.reviewDue !== null &&
    new Date(latest.reviewDue).getTime() < now.getTime()
  ) {
    status = 'review-overdue';
  }
  return { status, approvedAt: latest.approvedAt, reviewDue: latest.reviewDue };
}
