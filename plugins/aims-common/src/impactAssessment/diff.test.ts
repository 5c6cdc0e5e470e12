import { diffDocuments } from './diff';

describe('diffDocuments', () => {
  it('lists changed, added and removed fields with paths', () => {
    expect(
      diffDocuments(
        {
          intendedUse: 'a',
          reviewers: ['x'],
          euAiAct: { tier: 'minimal-risk', reasoning: 'r' },
        },
        {
          intendedUse: 'b',
          reviewers: ['x', 'y'],
          euAiAct: { tier: 'high-risk', reasoning: 'r' },
          predictableFailures: 'p',
        },
      ),
    ).toEqual([
      { field: 'euAiAct.tier', before: 'minimal-risk', after: 'high-risk' },
      { field: 'intendedUse', before: 'a', after: 'b' },
      { field: 'predictableFailures', before: null, after: 'p' },
      { field: 'reviewers', before: ['x'], after: ['x', 'y'] },
    ]);
  });
  it('matches dimension rows by dimension id, not position', () => {
    const before = {
      dimensions: [
        { dimension: 'fairness', severity: 2 },
        { dimension: 'safety_health', severity: 1 },
      ],
    };
    const after = {
      dimensions: [
        { dimension: 'safety_health', severity: 1 },
        { dimension: 'fairness', severity: 4 },
      ],
    };
    expect(diffDocuments(before, after)).toEqual([
      { field: 'dimensions[fairness].severity', before: 2, after: 4 },
    ]);
  });
  it('is empty for equal documents', () => {
    expect(
      diffDocuments(
        { a: [1, 2], b: { c: null } },
        { a: [1, 2], b: { c: null } },
      ),
    ).toEqual([]);
  });
});
