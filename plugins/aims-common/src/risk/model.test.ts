import {
  DEFAULT_RISK_MATRIX,
  needsSignOff,
  pickRiskInput,
  riskBand,
  riskHeatMap,
  validateRiskInput,
  validateRiskMatrix,
} from './model';

const m = DEFAULT_RISK_MATRIX;
const valid = () => ({
  title: 'Disparate impact on young applicants',
  description: 'Thin credit files score lower',
  inherent: { likelihood: 4, impact: 4 },
  residual: { likelihood: 2, impact: 4 },
  treatment: 'mitigate',
  actions: [
    {
      description: 'Quarterly fairness review',
      owner: 'group:default/risk-ml',
      dueDate: '2027-01-31',
      status: 'open',
    },
  ],
  controls: ['A.6.2.4', 'A.7.4'],
  riskOwner: 'user:default/cro',
});

describe('risk model', () => {
  it('bands scores like the familiar 5×5 (1–4, 5–9, 10–16, 20–25)', () => {
    expect([4, 5, 9, 10, 16, 20, 25].map(s => riskBand(s, m))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });

  it('needs a sign-off above the threshold, for the current residual score only', () => {
    expect(needsSignOff({ residual: { likelihood: 2, impact: 4 } }, m)).toBe(
      false,
    );
    expect(needsSignOff({ residual: { likelihood: 3, impact: 3 } }, m)).toBe(
      true,
    );
    expect(
      needsSignOff(
        {
          residual: { likelihood: 3, impact: 3 },
          signOff: { residualScore: 9 },
        },
        m,
      ),
    ).toBe(false);
    expect(
      needsSignOff(
        {
          residual: { likelihood: 3, impact: 4 },
          signOff: { residualScore: 9 },
        },
        m,
      ),
    ).toBe(true);
  });

  it('accepts a valid risk and names every bad field', () => {
    expect(validateRiskInput(valid(), m)).toEqual([]);
    const bad = {
      ...valid(),
      inherent: { likelihood: 6, impact: 0 },
      treatment: 'ignore',
      controls: ['A.99'],
      riskOwner: '',
      extra: 1,
    };
    expect(validateRiskInput(bad, m).map(p => p.message)).toEqual([
      'extra is not a known field',
      'riskOwner is required',
      'inherent.likelihood must be an integer from 1 to 5',
      'inherent.impact must be an integer from 1 to 5',
      'treatment must be one of mitigate, accept, avoid, transfer',
      'controls[0] "A.99" is not an ISO/IEC 42001 Annex A control id',
    ]);
  });

  it('requires actions for mitigate, valid action fields, and residual ≤ inherent', () => {
    expect(
      validateRiskInput({ ...valid(), actions: [] }, m).map(p => p.field),
    ).toEqual(['actions']);
    expect(
      validateRiskInput(
        {
          ...valid(),
          actions: [
            { description: '', owner: 'x', dueDate: 'soon', status: 'later' },
          ],
        },
        m,
      ).map(p => p.field),
    ).toEqual([
      'actions[0].description',
      'actions[0].dueDate',
      'actions[0].status',
    ]);
    expect(
      validateRiskInput(
        { ...valid(), residual: { likelihood: 5, impact: 5 } },
        m,
      ).map(p => p.field),
    ).toEqual(['residual']);
  });

  it('counts a heat map per cell and validates matrices', () => {
    const grid = riskHeatMap(
      [
        { likelihood: 1, impact: 5 },
        { likelihood: 1, impact: 5 },
        { likelihood: 5, impact: 1 },
      ],
      m,
    );
    expect(grid[0][4]).toBe(2);
    expect(grid[4][0]).toBe(1);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(validateRiskMatrix(m)).toEqual([]);
    expect(
      validateRiskMatrix({
        likelihoodLevels: 1,
        impactLevels: 5,
        acceptanceThreshold: 30,
      }),
    ).toEqual([
      'aims.risk.matrix.likelihoodLevels must be an integer from 2 to 10',
      'aims.risk.matrix.acceptanceThreshold must be an integer from 1 to 4',
    ]);
  });
});

describe('pickRiskInput', () => {
  it('keeps the risk-input fields only, leaving absent and null ones out', () => {
    expect(
      pickRiskInput({
        id: 'r1',
        title: 'Bias',
        description: 'd',
        source: null,
        treatment: 'mitigate',
        riskOwner: 'user:default/ana',
        revision: 3,
        signOff: { by: 'user:default/ana' },
      }),
    ).toEqual({
      title: 'Bias',
      description: 'd',
      treatment: 'mitigate',
      riskOwner: 'user:default/ana',
    });
  });
});
