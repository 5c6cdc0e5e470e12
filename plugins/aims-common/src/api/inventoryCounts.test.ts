import fc from 'fast-check';
import { EU_AI_ACT_TIERS } from '../domain/euAiAct';
import { IMPACT_ASSESSMENT_STATUSES } from './types';
import {
  inventoryCountsFromTierFacet,
  tallyInventoryCounts,
} from './inventoryCounts';

const systems = [
  { status: 'missing' as const, tier: 'high-risk' as const },
  { status: 'missing' as const, tier: 'minimal-risk' as const },
  { status: 'approved' as const, tier: 'high-risk' as const },
  { status: 'draft' as const, tier: 'unclassified' as const },
  { status: 'not-required' as const, tier: 'minimal-risk' as const },
];

describe('tallyInventoryCounts', () => {
  it('counts every system by status and by tier without filters', () => {
    const counts = tallyInventoryCounts(systems, {});
    expect(counts.totalCount).toBe(5);
    expect(counts.byStatus).toEqual({
      missing: 2,
      draft: 1,
      'in-review': 0,
      approved: 1,
      'review-overdue': 0,
      'not-required': 1,
    });
    expect(counts.byTier).toEqual({
      prohibited: 0,
      'high-risk': 2,
      'limited-risk': 0,
      'minimal-risk': 2,
      'out-of-scope': 0,
      unclassified: 1,
    });
  });

  it('facets: status counts under the tier filter, tier counts under the status filter', () => {
    const counts = tallyInventoryCounts(systems, {
      tier: 'high-risk',
      status: 'missing',
    });
    expect(counts.totalCount).toBe(1);
    expect(counts.byStatus).toMatchObject({
      missing: 1,
      approved: 1,
      draft: 0,
    });
    expect(counts.byTier).toMatchObject({
      'high-risk': 1,
      'minimal-risk': 1,
      unclassified: 0,
    });
  });
});

describe('inventoryCountsFromTierFacet', () => {
  it('equals the per-system tally whenever there is no status filter', () => {
    const system = fc.record({
      status: fc.constantFrom(...IMPACT_ASSESSMENT_STATUSES),
      tier: fc.constantFrom(...EU_AI_ACT_TIERS),
    });
    fc.assert(
      fc.property(
        fc.array(system, { maxLength: 60 }),
        fc.option(fc.constantFrom(...EU_AI_ACT_TIERS), { nil: undefined }),
        (all, tier) => {
          const facet = EU_AI_ACT_TIERS.map(t => ({
            tier: t,
            count: all.filter(s => s.tier === t).length,
          }));
          const statuses = all
            .filter(s => !tier || s.tier === tier)
            .map(s => s.status);
          expect(inventoryCountsFromTierFacet(statuses, facet)).toEqual(
            tallyInventoryCounts(all, { tier }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
