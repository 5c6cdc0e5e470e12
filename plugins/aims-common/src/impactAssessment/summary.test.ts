import { summarizeImpactAssessment } from './summary';

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
