import { complianceFindingsForAISystem } from './complianceRules';
import { DEFAULT_RISK_MATRIX } from '../risk/model';

const base = {
  aiSystemRef: 'aisystem:default/credit-risk-scorer',
  lifecycle: 'production',
  tier: 'high-risk' as const,
  impactAssessment: {
    status: 'missing' as const,
    approvedAt: null,
    reviewDue: null,
  },
  risks: [],
  matrix: DEFAULT_RISK_MATRIX,
};

describe('complianceFindingsForAISystem', () => {
  it('flags a missing impact assessment on a production system as critical, with a stable key', () => {
    expect(complianceFindingsForAISystem(base)).toEqual([
      expect.objectContaining({
        key: 'missing-impact-assessment:aisystem:default/credit-risk-scorer',
        type: 'missing-impact-assessment',
        severity: 'critical',
        entityRef: 'aisystem:default/credit-risk-scorer',
      }),
    ]);
    expect(
      complianceFindingsForAISystem({
        ...base,
        lifecycle: 'experimental',
        tier: 'minimal-risk',
      })[0].severity,
    ).toBe('medium');
  });

  it('maps draft/in-review and overdue to their finding types', () => {
    expect(
      complianceFindingsForAISystem({
        ...base,
        impactAssessment: {
          status: 'in-review',
          approvedAt: null,
          reviewDue: null,
        },
      })[0].type,
    ).toBe('impact-assessment-not-approved');
    expect(
      complianceFindingsForAISystem({
        ...base,
        impactAssessment: {
          status: 'review-overdue',
          approvedAt: 'a',
          reviewDue: 'b',
        },
      })[0],
    ).toMatchObject({
      type: 'impact-assessment-review-overdue',
      severity: 'high',
    });
    expect(
      complianceFindingsForAISystem({
        ...base,
        impactAssessment: {
          status: 'approved',
          approvedAt: 'a',
          reviewDue: 'b',
        },
      }),
    ).toEqual([]);
  });

  it('owes nothing for a retired system', () => {
    expect(
      complianceFindingsForAISystem({ ...base, lifecycle: 'retired' }),
    ).toEqual([]);
  });

  it('flags residual risks above the threshold without a sign-off of the current score', () => {
    const approved = {
      status: 'approved' as const,
      approvedAt: 'a',
      reviewDue: 'b',
    };
    const risks = [
      {
        id: 'r1',
        title: 'Bias',
        residual: { likelihood: 4, impact: 5 },
        signOff: null,
      },
      {
        id: 'r2',
        title: 'Drift',
        residual: { likelihood: 3, impact: 3 },
        signOff: { residualScore: 9 },
      },
      {
        id: 'r3',
        title: 'Outage',
        residual: { likelihood: 2, impact: 4 },
        signOff: null,
      },
    ];
    expect(
      complianceFindingsForAISystem({
        ...base,
        impactAssessment: approved,
        risks,
      }),
    ).toEqual([
      expect.objectContaining({
        key: 'risk-not-signed-off:aisystem:default/credit-risk-scorer:r1',
        severity: 'critical',
      }),
    ]);
  });
});
