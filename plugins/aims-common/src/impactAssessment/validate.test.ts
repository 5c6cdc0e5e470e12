import { validateImpactAssessmentContent } from './validate';
import {
  emptyImpactAssessmentContent,
  IMPACT_DIMENSIONS,
  fundamentalRightsAssessmentRequired,
  withEveryImpactDimension,
} from './model';

function complete() {
  const c = emptyImpactAssessmentContent('high-risk');
  Object.assign(c, {
    intendedUse: 'Score credit applications',
    foreseeableMisuse: 'Used for marketing segmentation',
    affectedIndividuals: 'Loan applicants',
    affectedGroups: 'Young applicants with thin credit files',
    groupsNeedingProtection: ['elderly persons'],
    societalImpact: 'Access to credit',
    predictableFailures: 'Drift after rate changes',
    humanOversight: 'Underwriter reviews the refer band',
    dataCategories: ['financial'],
    reviewers: ['user:default/dpo'],
    nextReviewDate: '2027-06-01',
  });
  c.euAiAct = {
    tier: 'high-risk',
    annexIIIArea: 'III.5',
    reasoning: 'Creditworthiness of natural persons',
  };
  c.dimensions = c.dimensions.map(d =>
    d.dimension === 'fairness'
      ? {
          dimension: 'fairness',
          effect: 'negative',
          description: 'Bias',
          severity: 4,
          likelihood: 3,
          mitigation: 'Monitoring',
          residualSeverity: 3,
          residualLikelihood: 2,
        }
      : d,
  );
  return c;
}
const opts = { complete: true, today: '2026-11-29' };
const fields = (c: unknown, o = opts) =>
  validateImpactAssessmentContent(c, o).map(p => p.field);

describe('validateImpactAssessmentContent', () => {
  it('accepts a complete assessment and an empty draft', () => {
    expect(validateImpactAssessmentContent(complete(), opts)).toEqual([]);
    expect(
      validateImpactAssessmentContent(emptyImpactAssessmentContent(), {
        complete: false,
      }),
    ).toEqual([]);
    expect(validateImpactAssessmentContent({}, { complete: false })).toEqual(
      [],
    );
  });

  it('names every missing item when submitting an empty draft', () => {
    const f = fields(emptyImpactAssessmentContent());
    expect(f).toEqual(
      expect.arrayContaining([
        'intendedUse',
        'foreseeableMisuse',
        'reviewers',
        'dataCategories',
        'euAiAct.reasoning',
        'nextReviewDate',
      ]),
    );
  });

  it('requires ratings, mitigation and residual ratings for a negative impact', () => {
    const c = complete();
    c.dimensions[0] = {
      dimension: c.dimensions[0].dimension,
      effect: 'negative',
      description: 'x',
    };
    const at = 'dimensions[0]';
    expect(fields(c)).toEqual([
      `${at}.severity`,
      `${at}.likelihood`,
      `${at}.residualSeverity`,
      `${at}.residualLikelihood`,
      `${at}.mitigation`,
    ]);
  });

  it('checks ranges, enums and known values even in drafts', () => {
    const problems = validateImpactAssessmentContent(
      {
        dimensions: [
          { dimension: 'fairness', effect: 'bad', severity: 7 },
          { dimension: 'vibes', effect: 'none' },
        ],
        groupsNeedingProtection: ['teenagers'],
        euAiAct: { tier: 'scary', reasoning: 'x' },
        nextReviewDate: '31/12/2027',
        colour: 'blue',
      },
      { complete: false },
    ).map(p => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        'colour is not a known field',
        'dimensions[0].effect must be one of positive, negative, none',
        'dimensions[0].severity must be an integer from 1 to 5',
        expect.stringMatching(
          /^dimensions\[1\]\.dimension must be one of fairness, /,
        ),
        expect.stringMatching(/^groupsNeedingProtection contains "teenagers"/),
        expect.stringMatching(/^euAiAct\.tier must be one of prohibited/),
        'nextReviewDate must be a date (YYYY-MM-DD)',
      ]),
    );
  });

  it('requires every dimension once, and a future review date', () => {
    const c = complete();
    c.dimensions = c.dimensions.slice(1);
    c.nextReviewDate = '2026-11-01';
    const messages = validateImpactAssessmentContent(c, opts).map(
      p => p.message,
    );
    expect(messages).toContain(
      `dimensions must assess every impact dimension; missing: ${IMPACT_DIMENSIONS[0].id}`,
    );
    expect(messages).toContain('nextReviewDate must be in the future');
    const dup = complete();
    dup.dimensions.push({ ...dup.dimensions[0] });
    expect(fields(dup)).toContain(
      `dimensions[${dup.dimensions.length - 1}].dimension`,
    );
  });

  it('has 13 dimensions from the domain data (8 for individuals or groups, 5 societal)', () => {
    expect(
      IMPACT_DIMENSIONS.filter(d => d.scope === 'individuals-or-groups'),
    ).toHaveLength(8);
    expect(IMPACT_DIMENSIONS.filter(d => d.scope === 'societal')).toHaveLength(
      5,
    );
  });

  it('fills in a row for every dimension, in catalogue order, keeping assessed rows', () => {
    const c = complete();
    const fairness = c.dimensions.find(d => d.dimension === 'fairness')!;
    c.dimensions = [
      {
        dimension: 'economic',
        effect: 'positive',
        description: 'x',
        severity: 2,
        likelihood: 2,
      },
      fairness,
    ];
    const filled = withEveryImpactDimension(c);
    expect(filled.dimensions.map(d => d.dimension)).toEqual(
      IMPACT_DIMENSIONS.map(d => d.id),
    );
    expect(filled.dimensions.find(d => d.dimension === 'fairness')).toBe(
      fairness,
    );
    expect(
      filled.dimensions.find(d => d.dimension === 'accessibility'),
    ).toEqual({ dimension: 'accessibility', effect: 'none', description: '' });
    expect(
      validateImpactAssessmentContent(
        withEveryImpactDimension(complete()),
        opts,
      ),
    ).toEqual([]);
  });

  it('knows when EU AI Act Art. 27 applies', () => {
    expect(fundamentalRightsAssessmentRequired('high-risk', 'deployer')).toBe(
      true,
    );
    expect(
      fundamentalRightsAssessmentRequired('high-risk', 'provider-and-deployer'),
    ).toBe(true);
    expect(fundamentalRightsAssessmentRequired('high-risk', 'provider')).toBe(
      false,
    );
    expect(
      fundamentalRightsAssessmentRequired('limited-risk', 'deployer'),
    ).toBe(false);
  });
});
