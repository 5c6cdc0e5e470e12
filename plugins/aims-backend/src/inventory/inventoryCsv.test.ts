import { inventoryToCsv } from './inventoryCsv';

describe('inventoryToCsv', () => {
  it('renders a header and one line per item with CRLF', () => {
    const csv = inventoryToCsv([
      {
        entityRef: 'aisystem:default/x',
        title: 'X, the "system"',
        owner: 'group:default/g',
        lifecycle: 'production',
        type: 'ml-model',
        euAiActTier: 'high-risk',
        components: ['component:default/a', 'component:default/b'],
        impactAssessment: {
          status: 'approved',
          approvedAt: '2025-01-01T00:00:00.000Z',
          reviewDue: null,
        },
        findings: { open: 3, critical: 1, high: 2 },
        controls: { applicable: 4, implementedWithEvidence: 1 },
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'entityRef,title,owner,lifecycle,type,euAiActTier,components,impactAssessmentStatus,impactAssessmentApprovedAt,impactAssessmentReviewDue,openFindings,criticalFindings,highFindings,controlsApplicable,controlsImplementedWithEvidence',
      'aisystem:default/x,"X, the ""system""",group:default/g,production,ml-model,high-risk,component:default/a;component:default/b,approved,2025-01-01T00:00:00.000Z,,3,1,2,4,1',
      '',
    ]);
    expect(inventoryToCsv([]).split('\r\n')).toHaveLength(2);
  });
});
