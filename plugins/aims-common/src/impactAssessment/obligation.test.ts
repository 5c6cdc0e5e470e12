import { IMPACT_ASSESSMENT_STATUSES } from '../api/types';
import { MISSING_IMPACT_ASSESSMENT } from './summary';
import {
  IMPACT_ASSESSMENT_STANDING_LABELS,
  impactAssessmentStanding,
  impactAssessmentSummaryStanding,
  owesImpactAssessment,
} from './obligation';

describe('owesImpactAssessment', () => {
  it('holds for every lifecycle but retired', () => {
    for (const lifecycle of [
      'experimental',
      'production',
      'deprecated',
      'pilot',
      '',
      undefined,
    ]) {
      expect(owesImpactAssessment(lifecycle)).toBe(true);
    }
    expect(owesImpactAssessment('retired')).toBe(false);
    expect(owesImpactAssessment(' Retired ')).toBe(false);
  });
});

describe('impactAssessmentStanding', () => {
  it('shows every status as it is for a system that owes an assessment', () => {
    for (const status of IMPACT_ASSESSMENT_STATUSES) {
      expect(
        impactAssessmentStanding({ lifecycle: 'production', status }),
      ).toBe(status);
    }
  });

  it('says not required for a retired system without one, approved for an overdue approval', () => {
    const standings = IMPACT_ASSESSMENT_STATUSES.map(status =>
      impactAssessmentStanding({ lifecycle: 'Retired', status }),
    );
    expect(standings).toEqual([
      'not-required', // missing
      'draft',
      'in-review',
      'approved',
      'approved', // review-overdue: no review is owed any more
      'not-required',
    ]);
    expect(IMPACT_ASSESSMENT_STANDING_LABELS['not-required']).toBe(
      'Not required',
    );
    expect(IMPACT_ASSESSMENT_STANDING_LABELS.missing).toBe('Missing');
  });

  it('changes nothing when applied twice', () => {
    for (const lifecycle of ['retired', 'production']) {
      for (const status of IMPACT_ASSESSMENT_STATUSES) {
        const once = impactAssessmentStanding({ lifecycle, status });
        expect(impactAssessmentStanding({ lifecycle, status: once })).toBe(
          once,
        );
      }
    }
  });
});

describe('impactAssessmentSummaryStanding', () => {
  it('keeps the dates and changes only the status', () => {
    expect(
      impactAssessmentSummaryStanding('retired', MISSING_IMPACT_ASSESSMENT),
    ).toEqual({ status: 'not-required', approvedAt: null, reviewDue: null });
    const overdue = {
      status: 'review-overdue' as const,
      approvedAt: '2024-01-01T00:00:00.000Z',
      reviewDue: '2025-01-01T00:00:00.000Z',
    };
    expect(impactAssessmentSummaryStanding('retired', overdue)).toEqual({
      ...overdue,
      status: 'approved',
    });
    expect(impactAssessmentSummaryStanding('production', overdue)).toBe(
      overdue,
    );
    expect(
      impactAssessmentSummaryStanding('production', MISSING_IMPACT_ASSESSMENT),
    ).toBe(MISSING_IMPACT_ASSESSMENT);
  });
});
