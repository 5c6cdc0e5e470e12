/* Test data: an SoA with every kind of row and a high-risk AI system's controls. */
import type { AimsApiSchemas } from '../../../api/types';
import { ANNEX_A_CONTROLS } from '../../../domain/annexA';

type Soa = AimsApiSchemas['Soa'];
type SoaControlRow = AimsApiSchemas['SoaControlRow'];
type Evidence = AimsApiSchemas['Evidence'];
type SystemControls = AimsApiSchemas['SystemControls'];

export function evidence(
  overrides: Partial<Evidence> & { id: string },
): Evidence {
  return {
    controlId: 'A.6.2.6',
    aiSystemRef: null,
    title: `Evidence ${overrides.id}`,
    href: `https://evidence.example.com/${overrides.id}`,
    reference: null,
    collectedBy: 'user:default/auditee',
    collectedAt: '2026-10-01T00:00:00.000Z',
    expiresAt: '2027-10-01T00:00:00.000Z',
    status: 'approved',
    live: null,
    current: true,
    standing: 'Approved and not expired',
    revision: 1,
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    ...overrides,
  };
}

const coverage = {
  total: 38,
  implementedWithEvidence: 1,
  implementedWithoutEvidence: 1,
  inProgress: 1,
  notStarted: 1,
  excluded: 1,
  undecided: 33,
};

/** All 38 rows: the first five in varied states, the rest undecided. */
export function sampleSoa(): Soa {
  const controls: SoaControlRow[] = ANNEX_A_CONTROLS.map(c => ({
    controlId: c.id,
    title: c.title,
    categoryId: c.categoryId,
    categoryTitle: c.categoryTitle,
    applicable: null,
    justification: '',
    inclusionReasons: [],
    contractual: false,
    goodPractice: false,
    implementationStatus: 'not-started',
    owner: null,
    reviewBy: null,
    documents: [],
    evidence: [],
    currentEvidence: false,
    exclusionStanding: 'not-excluded',
    nistAiRmf: [],
    euAiActArticles: [],
    risks: [],
    risksTotal: 0,
  }));
  // implemented with current evidence (one linked, one by reference, one live), documents, risks
  Object.assign(controls[0], {
    applicable: true,
    justification: 'Policy "AI use"\nsigned by the board, approved',
    inclusionReasons: [
      { reason: 'risk-treatment', detail: 'Risk R-1 treats it' },
      { reason: 'contractual', detail: 'Customer contract §4' },
    ],
    contractual: true,
    implementationStatus: 'implemented',
    owner: 'group:default/compliance',
    documents: [
      { title: 'AI policy', href: 'https://docs.example.com/ai-policy' },
      { title: 'Broken link', href: 'not a url' },
    ],
    evidence: [
      evidence({ id: 'ev-1', controlId: controls[0].controlId }),
      evidence({
        id: 'ev-2',
        controlId: controls[0].controlId,
        href: null,
        reference: 'TICKET-42',
        expiresAt: null,
      }),
      evidence({
        id: 'ev-3',
        controlId: controls[0].controlId,
        live: { kind: 'deployment-source', id: 'k8s-prod' },
        href: 'https://sources.example.com/k8s prod',
      }),
    ],
    currentEvidence: true,
    nistAiRmf: ['GOVERN 1.2', 'GOVERN 1.4'],
    euAiActArticles: ['Art. 9', 'Art. 17'],
    risks: [
      { riskId: 'R-1', title: 'Bias', aiSystemRef: 'aisystem:default/scorer' },
    ],
  });
  // implemented without current evidence
  Object.assign(controls[1], {
    applicable: true,
    justification: '=HYPERLINK("http://evil.example.com")',
    implementationStatus: 'implemented',
    owner: 'user:default/jane',
    evidence: [
      evidence({
        id: 'ev-4',
        controlId: controls[1].controlId,
        status: 'expired',
        current: false,
        standing: 'Expired on 2026-01-01',
        expiresAt: '2026-01-01T00:00:00.000Z',
      }),
    ],
  });
  Object.assign(controls[2], {
    applicable: true,
    justification: 'Rolling out',
    implementationStatus: 'in-progress',
    owner: 'user:default/jane',
  });
  Object.assign(controls[3], {
    applicable: true,
    justification: 'Planned for Q3',
    implementationStatus: 'not-started',
  });
  Object.assign(controls[4], {
    applicable: false,
    justification: 'No third parties, see "scope", section 2',
    implementationStatus: 'not-applicable',
    reviewBy: '2027-06-30',
    exclusionStanding: 'justified',
  });
  return {
    version: 3,
    status: 'approved',
    revision: 7,
    catalogue: {
      standard: 'ISO/IEC 42001:2023',
      annex: 'A',
      controlCount: 38,
      digest: 'a'.repeat(64),
    },
    author: 'user:default/author',
    contributors: ['user:default/jane'],
    createdAt: '2026-09-01T00:00:00.000Z',
    updatedAt: '2026-09-02T00:00:00.000Z',
    submittedBy: 'user:default/author',
    submittedAt: '2026-09-02T00:00:00.000Z',
    approvedBy: 'user:default/approver',
    approvedAt: '2026-09-03T00:00:00.000Z',
    returnedReason: null,
    controls,
    additionalControls: [
      {
        id: 'ORG-1',
        title: 'Model cards for every model',
        applicable: true,
        justification: 'Customer requirement',
        implementationStatus: 'in-progress',
        owner: 'group:default/ml',
        documents: [
          { title: 'Template', href: 'https://docs.example.com/card' },
        ],
      },
      {
        id: '2nd line review',
        title: '@SUM(A1) second line review',
        applicable: false,
        justification: '',
        implementationStatus: 'not-applicable',
        owner: null,
        documents: [],
      },
    ],
    coverage,
    categories: [],
    latest: null,
  };
}

/** A high-risk system: a mapped implemented control, an exclusion, a risk-named one. */
export function sampleSystemControls(): SystemControls {
  const [a, b, c] = [
    ANNEX_A_CONTROLS[10],
    ANNEX_A_CONTROLS[20],
    ANNEX_A_CONTROLS[30],
  ];
  const base = (control: (typeof ANNEX_A_CONTROLS)[number]) => ({
    controlId: control.id,
    title: control.title,
    categoryId: control.categoryId,
    categoryTitle: control.categoryTitle,
    euAiActArticles: ['Art. 10'],
    nistAiRmf: ['MAP 2.3'],
  });
  return {
    aiSystemRef: 'aisystem:default/scorer',
    euAiActTier: 'high-risk',
    controls: [
      {
        ...base(a),
        mapped: true,
        applicable: true,
        how: 'Data sheets for\nevery training set',
        implementationStatus: 'implemented',
        owner: 'user:default/jane',
        revision: 2,
        evidence: [
          evidence({
            id: 'ev-9',
            controlId: a.id,
            aiSystemRef: 'aisystem:default/scorer',
          }),
        ],
        currentEvidence: true,
        risks: [],
        organisation: { applicable: true, implementationStatus: 'implemented' },
      },
      {
        ...base(b),
        mapped: true,
        applicable: false,
        how: '-no personal data',
        implementationStatus: 'not-applicable',
        owner: null,
        revision: 1,
        evidence: [],
        currentEvidence: false,
        risks: [],
        organisation: { applicable: null, implementationStatus: 'not-started' },
      },
      {
        ...base(c),
        mapped: false,
        applicable: true,
        how: '',
        implementationStatus: 'in-progress',
        owner: 'user:default/owner',
        revision: 0,
        evidence: [],
        currentEvidence: false,
        risks: [
          {
            riskId: 'R-7',
            title: 'Drift',
            aiSystemRef: 'aisystem:default/scorer',
          },
        ],
        organisation: { applicable: true, implementationStatus: 'in-progress' },
      },
    ],
    coverage: {
      total: 3,
      implementedWithEvidence: 1,
      implementedWithoutEvidence: 0,
      inProgress: 1,
      notStarted: 0,
      excluded: 1,
      undecided: 0,
    },
    obligations: [
      {
        article: 'Art. 10',
        name: 'Data and data governance',
        controls: [a.id],
        covered: true,
        coveredBy: [a.id],
      },
      {
        article: 'Art. 43',
        name: 'Conformity assessment',
        controls: [],
        covered: false,
        coveredBy: [],
      },
    ],
  };
}
