import { ImpactAssessmentSummary } from '../api/types';
import { ImpactAssessmentStoredStatus } from './workflow';

export const MISSING_IMPACT_ASSESSMENT: ImpactAssessmentSummary = {
  status: 'missing',
  approvedAt: null,
  reviewDue: null,
};

/** The facts of one stored version that the summary needs. */
export interface ImpactAssessmentVersionFacts {
  version: number;
  status: ImpactAssessmentStoredStatus;
  approvedAt: string | null;
  reviewDue: string | null;
}

/**
 * Where an AI system's impact assessment stands. An approved version stays in force while a new
 * revision is drafted, so the newest *approved* version decides (`approved`, or
 * `review-overdue` once its review date has passed); without any approval, the newest
 * version's status (`draft`, `in-review`); without any version, `missing`.
 */
export function summarizeImpactAssessment(
  versions: readonly ImpactAssessmentVersionFacts[],
  now: Date,
): ImpactAssessmentSummary {
  if (!versions.length) return MISSING_IMPACT_ASSESSMENT;
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const approved = newestFirst.find(v => v.status === 'approved');
  if (approved) {
    const overdue =
      approved.reviewDue !== null &&
      new Date(approved.reviewDue).getTime() < now.getTime();
    return {
      status: overdue ? 'review-overdue' : 'approved',
      approvedAt: approved.approvedAt,
      reviewDue: approved.reviewDue,
    };
  }
  return {
    status: newestFirst[0].status as 'draft' | 'in-review',
    approvedAt: null,
    reviewDue: null,
  };
}

/**
 * The versions a summary depends on: the newest and the newest approved (one when they are
 * the same). `summarizeImpactAssessment` of these equals that of every version at any time,
 * so a store can keep just these two per AI system and summarize them when read.
 */
export function summarizedVersions(
  versions: readonly ImpactAssessmentVersionFacts[],
): ImpactAssessmentVersionFacts[] {
  if (!versions.length) return [];
  const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const approved = versions
    .filter(v => v.status === 'approved')
    .reduce<ImpactAssessmentVersionFacts | undefined>(
      (a, b) => (!a || b.version > a.version ? b : a),
      undefined,
    );
  return approved && approved !== newest ? [newest, approved] : [newest];
}
