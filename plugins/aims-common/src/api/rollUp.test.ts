import { aiSystemHealth, rollUpComponent, worstHealth } from './rollUp';
import { AISystemStatus } from './types';

const none = { open: 0, critical: 0, high: 0 };

describe('aiSystemHealth', () => {
  it('is at-risk for a production system without an impact assessment', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'production',
        euAiActTier: 'minimal-risk',
        impactAssessmentStatus: 'missing',
        findings: none,
      }),
    ).toBe('at-risk');
  });
  it('is at-risk for a high-risk experimental system with an overdue review', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'experimental',
        euAiActTier: 'high-risk',
        impactAssessmentStatus: 'review-overdue',
        findings: none,
      }),
    ).toBe('at-risk');
  });
  it('needs attention for an experimental minimal-risk system without one', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'experimental',
        euAiActTier: 'minimal-risk',
        impactAssessmentStatus: 'missing',
        findings: none,
      }),
    ).toBe('attention');
  });
  it('is ok when approved and without findings', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'production',
        euAiActTier: 'high-risk',
        impactAssessmentStatus: 'approved',
        findings: none,
      }),
    ).toBe('ok');
  });
  it('is at-risk with a critical finding, attention with other open findings', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'production',
        euAiActTier: 'high-risk',
        impactAssessmentStatus: 'approved',
        findings: { open: 1, critical: 1, high: 0 },
      }),
    ).toBe('at-risk');
    expect(
      aiSystemHealth({
        lifecycle: 'production',
        euAiActTier: 'high-risk',
        impactAssessmentStatus: 'approved',
        findings: { open: 1, critical: 0, high: 1 },
      }),
    ).toBe('attention');
  });
  it('treats a retired system as ok unless findings remain', () => {
    expect(
      aiSystemHealth({
        lifecycle: 'retired',
        euAiActTier: 'prohibited',
        impactAssessmentStatus: 'missing',
        findings: none,
      }),
    ).toBe('ok');
  });
});

describe('rollUpComponent', () => {
  const status = (
    health: AISystemStatus['health'],
    findings = none,
  ): AISystemStatus => ({
    entityRef: 'aisystem:default/x',
    kind: 'aisystem',
    title: 'x',
    type: 'ml-model',
    lifecycle: 'production',
    euAiActTier: 'minimal-risk',
    impactAssessment: { status: 'missing', approvedAt: null, reviewDue: null },
    findings,
    controls: { applicable: 0, implementedWithEvidence: 0 },
    health,
  });
  it('takes the worst health and sums findings', () => {
    expect(
      rollUpComponent([
        status('ok', { open: 1, critical: 0, high: 1 }),
        status('at-risk', { open: 2, critical: 1, high: 0 }),
      ]),
    ).toEqual({
      health: 'at-risk',
      findings: { open: 3, critical: 1, high: 1 },
    });
  });
  it('is not-applicable for a service without AI', () => {
    expect(rollUpComponent([])).toEqual({
      health: 'not-applicable',
      findings: none,
    });
    expect(worstHealth(['ok', 'attention'])).toBe('attention');
  });
});
