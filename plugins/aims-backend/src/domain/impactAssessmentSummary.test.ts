import { summarizeImpactAssessment } from './impactAssessmentSummary';

const now = new Date('2026-06-01T00:00:00Z');

describe('summarizeImpactAssessment', () => {
  it('reports missing without an assessment', () => {
    expect(summarizeImpactAssessment(undefined, now)).toEqual({
      status: 'missing',
      approvedAt: null,
      reviewDue: null,
    });
  });

  it('keeps approved until the review date passes', () => {
    const approved = {
      status: 'approved',
      approvedAt: '2025-06-01T00:00:00.000Z',
      reviewDue: '2026-06-02T00:00:00.000Z',
    };
    expect(summarizeImpactAssessment(approved, now).status).toBe('approved');
    expect(
      summarizeImpactAssessment(
        { ...approved, reviewDue: '2026-05-31T00:00:00.000Z' },
        now,
      ),
    ).toEqual({
      ...approved,
      status: 'review-overdue',
      reviewDue: '2026-05-31T00:00:00.000Z',
    });
    expect(
      summarizeImpactAssessment({ ...approved, reviewDue: null }, now).status,
    ).toBe('approved');
  });

  it('never makes a draft overdue', () => {
    expect(
      summarizeImpactAssessment(
        {
          status: 'draft',
          approvedAt: null,
          reviewDue: '2020-01-01T00:00:00.000Z',
        },
        now,
      ).status,
    ).toBe('draft');
  });
});
