import { IMPACT_ASSESSMENT_STATUSES } from '@aims-backstage/backstage-plugin-aims-common';
import { retiredCanHave, retirementDecides } from './inventoryItem';

describe('retirementDecides', () => {
  it('is true exactly for the statuses a retired lifecycle changes into or out of', () => {
    expect(
      IMPACT_ASSESSMENT_STATUSES.filter(s => retirementDecides(s)).sort(),
    ).toEqual(['approved', 'missing', 'not-required', 'review-overdue']);
  });
});

describe('retiredCanHave', () => {
  it('is false exactly for the statuses only a system that owes an assessment can have', () => {
    expect(
      IMPACT_ASSESSMENT_STATUSES.filter(s => !retiredCanHave(s)).sort(),
    ).toEqual(['missing', 'review-overdue']);
  });
});
