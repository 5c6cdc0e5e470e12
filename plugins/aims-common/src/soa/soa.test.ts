import { ANNEX_A_CONTROLS } from '../domain/annexA';
import {
  ANNEX_A_CATALOGUE,
  Evidence,
  ORGANISATION_SOA_REF,
  StoredSoaControl,
  StoredSystemControl,
  emptySoaContent,
  normalizeSoaControls,
  undecidedControl,
} from './model';
import {
  evidenceDueToExpire,
  evidenceExpiresWithin,
  evidenceStanding,
} from './evidence';
import {
  derivedInclusionReasonCount,
  evaluateSoaRows,
  exclusionStanding,
} from './evaluate';
import {
  controlCoverageSummary,
  evaluateSystemControls,
} from './systemControls';
import { soaFindingsForAISystem, soaFindingsForOrganisation } from './findings';
import {
  soaSubmitProblems,
  validateAdditionalControl,
  validateEvidenceInput,
  validateSoaControlInput,
  validateSystemControlInput,
} from './validate';
import { diffSoaContent } from './diff';
import {
  HIGH_RISK_OBLIGATIONS,
  annexAControlsForArticle,
  euAiActArticlesFor,
  nistSubcategoriesFor,
} from './overlays';

const now = new Date('2026-12-01T12:00:00Z');
const someId = ANNEX_A_CONTROLS[5].id;

function evidence(overrides: Partial<Evidence> = {}): Evidence {
  const base: Evidence = {
    id: 'e1',
    controlId: someId,
    aiSystemRef: null,
    title: 'Policy review minutes',
    href: 'https://docs.example.com/minutes',
    reference: null,
    collectedBy: 'user:default/ann',
    collectedAt: '2026-11-01T00:00:00.000Z',
    expiresAt: '2027-11-01T00:00:00.000Z',
    status: 'approved',
    live: null,
    current: true,
    standing: 'approved',
    revision: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
  const merged = { ...base, ...overrides };
  return { ...merged, ...evidenceStanding(merged, now) };
}

describe('the 38-control invariant', () => {
  it('the catalogue has 38 controls and records its digest', () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(38);
    expect(ANNEX_A_CATALOGUE.controlCount).toBe(38);
    expect(ANNEX_A_CATALOGUE.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('normalising always yields the 38 in catalogue order, whatever was stored', () => {
    const stored: Partial<StoredSoaControl>[] = [
      { controlId: 'A.99.1', applicable: true },
      {
        ...undecidedControl(someId),
        applicable: false,
        justification: 'first',
      },
      {
        ...undecidedControl(someId),
        applicable: true,
        justification: 'second',
      },
      {
        controlId: ANNEX_A_CONTROLS[0].id,
        implementationStatus: 'bogus' as any,
      },
    ];
    const rows = normalizeSoaControls(stored);
    expect(rows.map(r => r.controlId)).toEqual(ANNEX_A_CONTROLS.map(c => c.id));
    expect(rows.find(r => r.controlId === someId)).toMatchObject({
      applicable: false,
      justification: 'first',
    });
    expect(rows[0].implementationStatus).toBe('not-started');
    expect(emptySoaContent().controls.every(r => r.applicable === null)).toBe(
      true,
    );
  });

  it('evaluated rows are the 38 once each, with the categories rolled up', () => {
    const result = evaluateSoaRows(emptySoaContent(), {
      evidence: [],
      risks: [],
      now,
    });
    expect(new Set(result.controls.map(r => r.controlId)).size).toBe(38);
    expect(result.coverage).toMatchObject({ total: 38, undecided: 38 });
    expect(result.categories.map(c => c.categoryId)).toEqual([
      'A.2',
      'A.3',
      'A.4',
      'A.5',
      'A.6',
      'A.7',
      'A.8',
      'A.9',
      'A.10',
    ]);
    expect(result.categories.reduce((n, c) => n + c.total, 0)).toBe(38);
  });
});

describe('evidence standing', () => {
  it('counts approved evidence before its expiry only', () => {
    expect(evidence().current).toBe(true);
    expect(evidence({ expiresAt: '2026-11-30T00:00:00.000Z' })).toMatchObject({
      current: false,
      standing: 'expired on 2026-11-30',
    });
    expect(evidence({ status: 'in-review' }).current).toBe(false);
    expect(evidence({ status: 'rejected' }).standing).toBe('rejected');
    expect(evidence({ status: 'expired' }).current).toBe(false);
  });

  it('live evidence counts while its source is healthy', () => {
    const live = {
      ...evidence(),
      live: { kind: 'deployment-source' as const, id: 'argo' },
    };
    expect(evidenceStanding(live, now, () => 'healthy').current).toBe(true);
    expect(evidenceStanding(live, now, () => 'failed')).toEqual({
      current: false,
      standing: 'live source argo failed its last run',
    });
    expect(evidenceStanding(live, now).current).toBe(false);
  });

  it('live evidence of a monitored metric counts while it is fresh and inside its threshold', () => {
    const live = {
      ...evidence({ aiSystemRef: 'aisystem:default/a' }),
      live: { kind: 'monitoring-metric' as const, id: 'auc' },
    };
    expect(evidenceStanding(live, now, undefined, () => 'ok').current).toBe(
      true,
    );
    expect(evidenceStanding(live, now, undefined, () => 'breached')).toEqual({
      current: false,
      standing: 'live metric auc is outside its threshold',
    });
    expect(evidenceStanding(live, now).current).toBe(false);
  });

  it('knows what is expiring soon and what the job expires', () => {
    const soon = {
      status: 'approved' as const,
      expiresAt: '2026-12-20T00:00:00.000Z',
    };
    expect(evidenceExpiresWithin(soon, now, 30)).toBe(true);
    expect(evidenceExpiresWithin(soon, now, 10)).toBe(false);
    expect(evidenceDueToExpire(soon, now)).toBe(false);
    expect(
      evidenceDueToExpire(
        { ...soon, expiresAt: '2026-12-01T00:00:00.000Z' },
        now,
      ),
    ).toBe(true);
    expect(
      evidenceDueToExpire({ status: 'expired', expiresAt: '2026-01-01' }, now),
    ).toBe(false);
  });
});

describe('SoA rows', () => {
  it('judges exclusions', () => {
    const row = {
      applicable: false,
      justification: 'no',
      reviewBy: '2027-01-01',
    };
    expect(exclusionStanding(row, now)).toBe('justified');
    expect(exclusionStanding({ ...row, reviewBy: '2026-11-30' }, now)).toBe(
      'review-overdue',
    );
    expect(exclusionStanding({ ...row, justification: ' ' }, now)).toBe(
      'unjustified',
    );
    expect(exclusionStanding({ ...row, applicable: true }, now)).toBe(
      'not-excluded',
    );
  });

  it('gives inclusion reasons from risks, the EU AI Act mapping and the marks', () => {
    const content = emptySoaContent();
    const row = content.controls.find(r => r.controlId === 'A.6.2.6')!;
    Object.assign(row, { applicable: true, contractual: true });
    const result = evaluateSoaRows(content, {
      evidence: [],
      risks: [
        {
          riskId: 'r1',
          title: 'Drift unnoticed',
          aiSystemRef: 'aisystem:default/a',
          controls: ['A.6.2.6'],
        },
      ],
      now,
    });
    const evaluated = result.controls.find(r => r.controlId === 'A.6.2.6')!;
    expect(evaluated.inclusionReasons.map(r => r.reason)).toEqual([
      'risk-treatment',
      'eu-ai-act-obligation',
      'contractual',
    ]);
    expect(evaluated.risks).toEqual([
      {
        riskId: 'r1',
        title: 'Drift unnoticed',
        aiSystemRef: 'aisystem:default/a',
      },
    ]);
    expect(evaluated.euAiActArticles).toEqual(
      expect.arrayContaining(['Art.15', 'Art.72']),
    );
    expect(evaluated.nistAiRmf).toContain('GV-1.7');
  });

  it('counts coverage buckets with evidence', () => {
    const content = emptySoaContent();
    content.controls[0] = {
      ...content.controls[0],
      applicable: true,
      implementationStatus: 'implemented',
    };
    content.controls[1] = {
      ...content.controls[1],
      applicable: true,
      implementationStatus: 'implemented',
    };
    content.controls[2] = {
      ...content.controls[2],
      applicable: false,
      justification: 'x',
      reviewBy: '2027-01-01',
      implementationStatus: 'not-applicable',
    };
    content.controls[3] = {
      ...content.controls[3],
      applicable: true,
      implementationStatus: 'in-progress',
    };
    const result = evaluateSoaRows(content, {
      evidence: [evidence({ controlId: content.controls[0].controlId })],
      risks: [],
      now,
    });
    expect(result.coverage).toEqual({
      total: 38,
      implementedWithEvidence: 1,
      implementedWithoutEvidence: 1,
      inProgress: 1,
      notStarted: 0,
      excluded: 1,
      undecided: 34,
    });
  });
});

describe('SoA findings', () => {
  it('an SoA never approved is incomplete; unjustified and overdue exclusions too', () => {
    const content = emptySoaContent();
    content.controls[0] = { ...content.controls[0], applicable: false };
    content.controls[1] = {
      ...content.controls[1],
      applicable: false,
      justification: 'x',
      reviewBy: '2026-01-01',
    };
    content.controls[2] = {
      ...content.controls[2],
      applicable: false,
      justification: 'x',
      reviewBy: '2027-01-01',
    };
    const { controls } = evaluateSoaRows(content, {
      evidence: [],
      risks: [],
      now,
    });
    const findings = soaFindingsForOrganisation({
      approvedVersionExists: false,
      rows: controls,
    });
    expect(findings.map(f => f.key)).toEqual([
      `soa-incomplete:${ORGANISATION_SOA_REF}:no-approved-version`,
      `soa-incomplete:${ORGANISATION_SOA_REF}:${controls[0].controlId}`,
      `soa-incomplete:${ORGANISATION_SOA_REF}:${controls[1].controlId}`,
    ]);
    expect(findings[1].evidence.problem).toBe(
      'exclusion-without-justification',
    );
    expect(findings[2].evidence.problem).toBe('exclusion-review-overdue');
    expect(
      soaFindingsForOrganisation({ approvedVersionExists: true, rows: [] }),
    ).toEqual([]);
  });

  it('an applicable control is a gap until implemented with current evidence', () => {
    const content = emptySoaContent();
    content.controls[0] = {
      ...content.controls[0],
      applicable: true,
      implementationStatus: 'in-progress',
    };
    content.controls[1] = {
      ...content.controls[1],
      applicable: true,
      implementationStatus: 'implemented',
    };
    content.controls[2] = {
      ...content.controls[2],
      applicable: true,
      implementationStatus: 'implemented',
    };
    const { controls } = evaluateSoaRows(content, {
      evidence: [
        evidence({
          controlId: content.controls[1].controlId,
          expiresAt: '2026-11-01T00:00:00.000Z',
        }),
        evidence({ controlId: content.controls[2].controlId }),
      ],
      risks: [],
      now,
    });
    const findings = soaFindingsForOrganisation({
      approvedVersionExists: true,
      rows: controls,
    });
    expect(
      findings.map(f => [f.evidence.controlId, f.evidence.problem]),
    ).toEqual([
      [controls[0].controlId, 'not-implemented'],
      [controls[1].controlId, 'no-current-evidence'],
    ]);
    expect(findings[1].evidence.evidence).toEqual([
      { title: 'Policy review minutes', standing: 'expired on 2026-11-01' },
    ]);
  });
});

describe('per-system controls', () => {
  const ref = 'aisystem:default/fraud-scorer';
  const mapping = (
    controlId: string,
    over: Partial<StoredSystemControl> = {},
  ): StoredSystemControl => ({
    controlId,
    applicable: true,
    how: 'weekly drift report',
    implementationStatus: 'implemented',
    owner: 'group:default/risk-ml',
    revision: 1,
    ...over,
  });

  it('shows mapped controls and those its risks name, from the one link on the risk', () => {
    const result = evaluateSystemControls({
      aiSystemRef: ref,
      tier: 'minimal-risk',
      mappings: [mapping('A.6.2.6')],
      evidence: [evidence({ controlId: 'A.6.2.6', aiSystemRef: ref })],
      risks: [
        { riskId: 'r1', title: 'Bias', aiSystemRef: ref, controls: ['A.5.4'] },
        {
          riskId: 'r2',
          title: 'Other system',
          aiSystemRef: 'aisystem:default/x',
          controls: ['A.7.2'],
        },
      ],
      orgRows: [],
    });
    expect(result.controls.map(c => [c.controlId, c.mapped])).toEqual([
      ['A.5.4', false],
      ['A.6.2.6', true],
    ]);
    // not mapped: not started for this system, whatever the organisation's row says
    const org = evaluateSoaRows(
      {
        ...emptySoaContent(),
        controls: normalizeSoaControls([
          {
            ...undecidedControl('A.5.4'),
            applicable: true,
            implementationStatus: 'implemented',
          },
        ]),
      },
      { evidence: [], risks: [], now },
    ).controls;
    const withOrg = evaluateSystemControls({
      aiSystemRef: ref,
      tier: 'minimal-risk',
      mappings: [],
      evidence: [],
      risks: [
        { riskId: 'r1', title: 'Bias', aiSystemRef: ref, controls: ['A.5.4'] },
      ],
      orgRows: org,
    });
    expect(withOrg.controls[0]).toMatchObject({
      controlId: 'A.5.4',
      mapped: false,
      implementationStatus: 'not-started',
      organisation: { applicable: true, implementationStatus: 'implemented' },
    });
    expect(result.controls[0].risks).toEqual([
      { riskId: 'r1', title: 'Bias', aiSystemRef: ref },
    ]);
    expect(result.obligations).toEqual([]);
    expect(controlCoverageSummary(result.controls)).toEqual({
      applicable: 2,
      implementedWithEvidence: 1,
    });
  });

  it('a high-risk system shows its obligations and which a mapped control evidences', () => {
    const result = evaluateSystemControls({
      aiSystemRef: ref,
      tier: 'high-risk',
      mappings: [
        mapping('A.6.2.6'),
        mapping('A.6.2.8', { implementationStatus: 'in-progress' }),
      ],
      evidence: [evidence({ controlId: 'A.6.2.6', aiSystemRef: ref })],
      risks: [],
      orgRows: [],
    });
    expect(result.obligations.map(o => o.article)).toEqual([
      'Art.9',
      'Art.10',
      'Art.11',
      'Art.12',
      'Art.13',
      'Art.14',
      'Art.15',
      'Art.17',
      'Art.26',
      'Art.27',
      'Art.43',
      'Art.49',
      'Art.72',
      'Art.73',
    ]);
    const byArticle = Object.fromEntries(
      result.obligations.map(o => [o.article, o]),
    );
    expect(byArticle['Art.72']).toMatchObject({
      covered: true,
      coveredBy: ['A.6.2.6'],
    });
    expect(byArticle['Art.12']).toMatchObject({
      covered: false,
      controls: ['A.6.2.8'],
    });
    expect(byArticle['Art.9']).toMatchObject({ covered: false, controls: [] });
  });

  it('findings: mapped applicable gaps, weightier in production; none for retired systems', () => {
    const { controls } = evaluateSystemControls({
      aiSystemRef: ref,
      tier: 'minimal-risk',
      mappings: [
        mapping('A.6.2.6'),
        mapping('A.6.2.8', { implementationStatus: 'not-started' }),
        mapping('A.7.2', {
          applicable: false,
          implementationStatus: 'not-applicable',
        }),
      ],
      evidence: [],
      risks: [
        { riskId: 'r1', title: 'Bias', aiSystemRef: ref, controls: ['A.5.4'] },
      ],
      orgRows: [],
    });
    const findings = soaFindingsForAISystem({
      aiSystemRef: ref,
      lifecycle: 'production',
      tier: 'minimal-risk',
      controls,
    });
    expect(
      findings.map(f => [f.evidence.controlId, f.evidence.problem, f.severity]),
    ).toEqual([
      ['A.6.2.6', 'no-current-evidence', 'medium'],
      ['A.6.2.8', 'not-implemented', 'high'],
    ]);
    expect(
      findings.every(f => f.entityRef === ref && f.aiSystemRef === ref),
    ).toBe(true);
    expect(
      soaFindingsForAISystem({
        aiSystemRef: ref,
        lifecycle: 'retired',
        tier: 'minimal-risk',
        controls,
      }),
    ).toEqual([]);
  });
});

describe('overlays', () => {
  it('come from the domain data', () => {
    expect(HIGH_RISK_OBLIGATIONS).toHaveLength(14);
    expect(annexAControlsForArticle('Art.10')).toEqual([
      'A.7.2',
      'A.7.3',
      'A.7.4',
      'A.7.5',
      'A.7.6',
    ]);
    expect(euAiActArticlesFor('A.2.2')).toEqual([]);
    expect(
      ANNEX_A_CONTROLS.every(c => nistSubcategoriesFor(c.id).length > 0),
    ).toBe(true);
  });
});

describe('validation names the field', () => {
  it('control rows', () => {
    expect(
      validateSoaControlInput({ revision: 1, reviewBy: '2026-02-30' }),
    ).toEqual([
      { field: 'reviewBy', message: '"2026-02-30" is not a date (YYYY-MM-DD)' },
    ]);
    expect(
      validateSoaControlInput({
        revision: 1,
        owner: 'component:default/x',
        documents: [{ title: 'p', href: 'ftp://x' }],
      }).map(p => p.field),
    ).toEqual(['owner', 'documents[0].href']);
    expect(
      validateSoaControlInput({
        revision: 1,
        applicable: false,
        implementationStatus: 'implemented',
      })[0].field,
    ).toBe('implementationStatus');
  });

  it('submission lists every control that is not ready', () => {
    const content = emptySoaContent();
    expect(soaSubmitProblems(content, now)).toHaveLength(38);
    content.controls = content.controls.map(r => ({
      ...r,
      applicable: true,
      justification: 'needed',
    }));
    content.controls[0] = {
      ...content.controls[0],
      applicable: false,
      justification: '',
      reviewBy: null,
    };
    content.controls[1] = { ...content.controls[1], justification: '' };
    expect(
      soaSubmitProblems(content, now, id =>
        derivedInclusionReasonCount(id, []),
      ).map(p => p.field),
    ).toEqual([
      `controls.${content.controls[0].controlId}.justification`,
      `controls.${content.controls[0].controlId}.reviewBy`,
      `controls.${content.controls[1].controlId}.justification`,
    ]);
  });

  it('additional controls, evidence and mappings', () => {
    expect(
      validateAdditionalControl('A.5.2', { revision: 0, title: 'x' })[0]
        .message,
    ).toMatch(/Annex A control id/);
    expect(
      validateAdditionalControl('ORG-1', { revision: 0, title: 'x' }),
    ).toEqual([]);
    expect(
      validateEvidenceInput({ title: 'x', collectedAt: 'yesterday' }).map(
        p => p.field,
      ),
    ).toEqual(['href', 'collectedAt']);
    expect(
      validateEvidenceInput({
        title: 'x',
        href: 'https://e',
        collectedAt: '2026-11-01',
        expiresAt: '2026-10-01',
      }).map(p => p.field),
    ).toEqual(['expiresAt']);
    expect(
      validateSystemControlInput({ revision: 0, applicable: false })[0].field,
    ).toBe('how');
  });
});

describe('version diff', () => {
  it('lists changed fields and additional controls', () => {
    const a = emptySoaContent();
    const b = emptySoaContent();
    b.controls[3] = { ...b.controls[3], applicable: true };
    b.additionalControls = [
      {
        id: 'ORG-1',
        title: 'x',
        applicable: true,
        justification: '',
        implementationStatus: 'in-progress',
        owner: null,
        documents: [],
      },
    ];
    expect(diffSoaContent(a, b)).toEqual([
      {
        controlId: b.controls[3].controlId,
        field: 'applicable',
        before: null,
        after: true,
      },
      {
        controlId: 'ORG-1',
        field: '*',
        before: null,
        after: b.additionalControls[0],
      },
    ]);
  });
});
