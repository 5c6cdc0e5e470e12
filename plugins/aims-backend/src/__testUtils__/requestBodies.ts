/*
 * Valid request bodies of the AIMS API's write operations, for the tests that put generated bad
 * values into them (bounded input, fuzzing): each builder gives a fresh body.
 */
import { emptyImpactAssessmentContent } from '@aims-backstage/backstage-plugin-aims-common';

export const FRAUD = 'aisystem:default/fraud-scorer';

export const DAY = 24 * 3600_000;
export const isoDay = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** `{"x":{"x":…"leaf"…}}`, `depth` objects deep, built without recursion. */
export const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};

export const report = () => ({
  id: `bounds-${Math.random().toString(36).slice(2)}`,
  component: 'component:default/payments-api',
  environment: 'production',
  deployedAt: new Date(Date.now() - 3600_000).toISOString(),
  aiSystems: [{ ref: FRAUD, version: '3.2.0' }],
  models: [{ provider: 'openai', name: 'gpt-4o', version: '2024-08-06' }],
});

export const monitoringReport = () => ({
  entityRef: FRAUD,
  environment: 'production',
  results: [
    {
      metric: 'auc',
      value: 0.9,
      observedAt: new Date(Date.now() - 3600_000).toISOString(),
      slice: 'eu',
      window: 'P7D',
      threshold: { min: 0.8, max: 1 },
    },
  ],
});

export const riskBody = (over: Record<string, unknown> = {}) => ({
  title: 'Unfair declines',
  description: 'Some groups are declined more often',
  source: { impactAssessmentVersion: 1, dimension: 'fairness' },
  inherent: { likelihood: 5, impact: 5 },
  residual: { likelihood: 3, impact: 4 },
  treatment: 'mitigate',
  actions: [
    {
      description: 'Bias test',
      owner: 'user:default/carol',
      dueDate: isoDay(30),
      status: 'open',
    },
  ],
  controls: ['A.5.2'],
  riskOwner: 'user:default/carol',
  ...over,
});

export const content = () => ({
  ...emptyImpactAssessmentContent('high-risk'),
  intendedUse: 'Scores card payments',
  dataCategories: ['transactions'],
  reviewers: ['user:default/carol'],
  euAiAct: {
    tier: 'high-risk',
    annexIIIArea: 'III.5',
    reasoning: 'Creditworthiness',
  },
  nextReviewDate: isoDay(365),
});

/**
 * A valid body per write operation, which the generated values are put into. An operation
 * without one (a new write route) is still tested, with `{}` as its body.
 */
export const VALID_BODIES: Record<string, () => unknown> = {
  SaveImpactAssessmentDraft: () => ({ content: content(), revision: 999999 }),
  TransitionImpactAssessment: () => ({
    action: 'return',
    revision: 999999,
    reason: 'Needs work',
  }),
  ImportImpactAssessment: () => ({ revision: 999999 }),
  CreateRisk: () => riskBody({ aiSystemRef: FRAUD }),
  UpdateRisk: () => ({ ...riskBody(), revision: 999999, status: 'open' }),
  SignOffRisk: () => ({ revision: 999999 }),
  ActOnFinding: () => ({
    action: 'snooze',
    reason: 'Fix next sprint',
    until: isoDay(30),
  }),
  ReportDeployment: report,
  ReportDeployments: () => ({ reports: [report()] }),
  ReportMonitoringResults: monitoringReport,
  ReportMonitoringResultsBatch: () => ({ reports: [monitoringReport()] }),
  SaveSoaControl: () => ({
    revision: 999999,
    applicable: false,
    justification: 'No third parties',
    contractual: false,
    goodPractice: false,
    implementationStatus: 'not-applicable',
    owner: 'group:default/compliance',
    reviewBy: isoDay(180),
    documents: [{ title: 'Policy', href: 'https://docs.example.com/policy' }],
  }),
  SaveSoaAdditionalControl: () => ({
    revision: 999999,
    title: 'Model cards',
    applicable: true,
    justification: 'Customer contracts',
    implementationStatus: 'in-progress',
    owner: 'group:default/compliance',
    documents: [{ title: 'Template', href: 'https://docs.example.com/card' }],
  }),
  TransitionSoa: () => ({
    action: 'return',
    revision: 999999,
    reason: 'Needs work',
  }),
  CreateEvidence: () => ({
    controlId: 'A.6.2.6',
    aiSystemRef: FRAUD,
    title: 'Monitoring runbook',
    href: 'https://docs.example.com/runbook',
    reference: 'DOC-12',
    collectedAt: isoDay(-1),
    expiresAt: isoDay(300),
    status: 'draft',
    live: { kind: 'deployment-source', id: 'deployment-reports' },
  }),
  UpdateEvidence: () => ({
    revision: 999999,
    title: 'Monitoring runbook',
    href: 'https://docs.example.com/runbook',
    collectedAt: isoDay(-1),
    expiresAt: isoDay(300),
  }),
  SaveSystemControl: () => ({
    revision: 999999,
    applicable: true,
    how: 'Drift alerts page the on-call engineer',
    implementationStatus: 'in-progress',
    owner: 'group:default/compliance',
  }),
};
