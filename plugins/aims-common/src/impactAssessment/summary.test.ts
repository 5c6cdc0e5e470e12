import fc from 'fast-check';
import { summarizeImpactAssessment, summarizedVersions } from './summary';
import { IMPACT_ASSESSMENT_STORED_STATUSES } from './workflow';

const now = new Date('2026-11-29T12:00:00Z');
const v = (
  version: number,
  status: 'draft' | 'in-review' | 'approved',
  reviewDue: string | null = null,
) => ({
  version,
  status,
  approvedAt: status === 'approved' ? '2026-01-01T00:00:00.000Z' : null,
  reviewDue,
});

describe('summarizeImpactAssessment', () => {
  it('is missing without versions', () => {
    expect(summarizeImpactAssessment([], now)).toEqual({
      status: 'missing',
      approvedAt: null,
      reviewDue: null,
    });
  });
  it('reports the newest version while nothing is approved', () => {
    expect(summarizeImpactAssessment([v(1, 'draft')], now).status).toBe(
      'draft',
    );
    expect(
      summarizeImpactAssessment([v(2, 'in-review'), v(1, 'draft')], now).status,
    ).toBe('in-review');
  });
  it('keeps an approved version in force while a revision is drafted', () => {
    expect(
      summarizeImpactAssessment(
        [v(1, 'approved', '2027-06-01T00:00:00.000Z'), v(2, 'draft')],
        now,
      ),
    ).toEqual({
      status: 'approved',
      approvedAt: '2026-01-01T00:00:00.000Z',
      reviewDue: '2027-06-01T00:00:00.000Z',
    });
  });
  it('is review-overdue once the newest approval passed its review date', () => {
    expect(
      summarizeImpactAssessment(
        [v(1, 'approved', '2026-11-28T00:00:00.000Z')],
        now,
      ).status,
    ).toBe('review-overdue');
    expect(
      summarizeImpactAssessment(
        [
          v(1, 'approved', '2026-01-28T00:00:00.000Z'),
          v(2, 'approved', '2027-11-28T00:00:00.000Z'),
        ],
        now,
      ).status,
    ).toBe('approved');
  });
});

describe('summarizedVersions', () => {
  it('keeps what the summary depends on: the same summary at any time', () => {
    const day = 24 * 3600 * 1000;
    const date = fc
      .integer({ min: -400, max: 400 })
      .map(d => new Date(now.getTime() + d * day).toISOString());
    const versions = fc
      .uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 8 })
      .chain(numbers =>
        fc.tuple(
          ...numbers.map(version =>
            fc.record({
              version: fc.constant(version),
              status: fc.constantFrom(...IMPACT_ASSESSMENT_STORED_STATUSES),
              approvedAt: fc.option(date, { nil: null }),
              reviewDue: fc.option(date, { nil: null }),
            }),
          ),
        ),
      );
    fc.assert(
      fc.property(versions, date, (all, at) => {
        const kept = summarizedVersions(all);
        expect(kept.length).toBeLessThanOrEqual(2);
        expect(summarizeImpactAssessment(kept, new Date(at))).toEqual(
          summarizeImpactAssessment(all, new Date(at)),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
