import { IMPACT_ASSESSMENT_STATUSES } from '../api/types';
import {
  IMPACT_ASSESSMENT_STANDING_LABELS,
  impactAssessmentStanding,
  owesImpactAssessment,
} from './obligation';

describe('owesImpactAssessment', () => {
  it('holds for every lifecycle but retired', () => {
    for (const lifecycle of ['experimental', 'production', 'deprecated', 'pilot', '', undefined]) {
      expect(owesImpactAssessment(lifecycle)).toBe(true);
    }
    expect(owesImpactAssessment('retired')).toBe(false);
    expect(owesImpactAssessment(' Retired ')).toBe(false);
  });
});

describe('impactAssessmentStanding', () => {
  it('shows every status as it is for a system that owes an assessment', () => {
    for (const status of IMPACT_ASSESSMENT_STATUSES) {
      expect(impactAssessmentStanding({ lifecycle: 'production', status })).toBe(status);
    }
  });

  it('says not required where a retired system would otherwise owe something', () => {
    const standings = IMPACT_ASSESSMENT_STATUSES.map(status =>
      impactAssessmentStanding({ lifecycle: 'retired', status }),
    );
    expect(standings).toEqual(['not-required', 'draft', 'in-review', 'approved', 'not-required']);
    expect(IMPACT_ASSESSMENT_STANDING_LABELS['not-required']).toBe('Not required');
    expect(IMPACT_ASSESSMENT_STANDING_LABELS.missing).toBe('Missing');
  });
});
