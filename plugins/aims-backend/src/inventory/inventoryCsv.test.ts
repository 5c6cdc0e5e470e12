import { csvField, csvRow, inventoryToCsv } from './inventoryCsv';

describe('csv', () => {
  it('leaves plain values alone and quotes commas, quotes and line breaks', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('+1')).toBe("'+1");
  });

  it('joins a row', () => {
    expect(csvRow(['a', 'b,c', null, 0])).toBe('a,"b,c",,0');
  });

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
      'entityRef,title,owner,lifecycle,type,euAiActTier,components,impactAssessmentStatus,impactAssessmentApprovedAt,impactAssessmentReviewDue,openFindings,criticalFindings,highFindings',
      'aisystem:default/x,"X, the ""system""",group:default/g,production,ml-model,high-risk,component:default/a;component:default/b,approved,2025-01-01T00:00:00.000Z,,3,1,2',
      '',
    ]);
    expect(inventoryToCsv([]).split('\r\n')).toHaveLength(2);
  });
});
