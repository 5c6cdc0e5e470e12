import {
  AISystemEntityV1alpha1,
  DEFAULT_RISK_MATRIX,
  declaredAISystemFromEntity,
  deploymentReportToObservations,
  normalizeDeploymentReport,
  reconcile,
  summarizeImpactAssessment,
} from '@aims-backstage/backstage-plugin-aims-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  ExampleDataError,
  parseExampleAssessments,
  parseExampleDeployments,
  parseExampleRisks,
} from './exampleData';

const EXAMPLES = path.resolve(__dirname, '../../../../../examples');
const NOW = new Date('2026-11-29T12:00:00.000Z');
const FILE = 'deployments.yaml';

describe('parseExampleDeployments', () => {
  const report = (extra: Record<string, unknown> = {}) => ({
    id: 'r-1',
    component: 'payments-api',
    environment: 'production',
    deployedDaysAgo: 2,
    aiSystems: [{ ref: 'fraud-scorer', version: '3.2.0' }],
    ...extra,
  });

  it('turns deployedDaysAgo into deployedAt and returns the reports oldest first', () => {
    const out = parseExampleDeployments(
      [
        report(),
        report({ id: 'r-2', deployedDaysAgo: 10 }),
        report({ id: 'r-3', deployedDaysAgo: 0 }),
      ],
      FILE,
      NOW,
    );
    expect(out.map(r => [r.id, r.deployedAt])).toEqual([
      ['r-2', '2026-11-19T12:00:00.000Z'],
      ['r-1', '2026-11-27T12:00:00.000Z'],
      ['r-3', '2026-11-29T12:00:00.000Z'],
    ]);
    expect(out[0]).not.toHaveProperty('deployedDaysAgo');
  });

  it.each([
    [{}, 'top level: must be a list'],
    [
      [report({ deployedDaysAgo: undefined })],
      '[0].deployedDaysAgo: is required (a number of days)',
    ],
    [
      [report({ deployedDaysAgo: -1 })],
      '[0].deployedDaysAgo: must not be negative',
    ],
    [
      [report({ deployedAt: '2026-11-01T00:00:00Z' })],
      '[0].deployedAt: comes from deployedDaysAgo',
    ],
    [
      [report(), report({ aiSystems: [{ ref: 'group:x' }] })],
      '[1]: aiSystems[0].ref must be an entity ref of kind AISystem',
    ],
    [[report({ environment: 'Prod' })], '[0]: environment must be a slug'],
    [[report(), report()], '[1].id: repeats [0].id "r-1"'],
  ])('names file, index and field: %j', (data, message) => {
    expect(() => parseExampleDeployments(data, FILE, NOW)).toThrow(
      ExampleDataError,
    );
    expect(() => parseExampleDeployments(data, FILE, NOW)).toThrow(
      `${FILE}: ${message}`,
    );
  });
});

/**
 * examples/aims/deployments.yaml against examples/ai-systems.yaml and the example impact
 * assessments, through the pure reconcile: exactly the findings examples/aims/README.md lists.
 */
describe('examples/aims/deployments.yaml', () => {
  it('produces exactly the documented drift findings', () => {
    const file = path.join(EXAMPLES, 'aims/deployments.yaml');
    const reports = parseExampleDeployments(
      parse(fs.readFileSync(file, 'utf8')),
      file,
      NOW,
    );
    const entities = parseAllDocuments(
      fs.readFileSync(path.join(EXAMPLES, 'ai-systems.yaml'), 'utf8'),
    )
      .map(d => d.toJS())
      .filter(e => e?.kind === 'AISystem') as AISystemEntityV1alpha1[];
    const iaFile = path.join(EXAMPLES, 'aims/impact-assessments.yaml');
    const versions = parseExampleAssessments(
      parse(fs.readFileSync(iaFile, 'utf8')),
      iaFile,
      NOW,
    );
    const declared = entities.map(e => {
      const d = declaredAISystemFromEntity(e);
      const facts = versions
        .filter(v => v.aiSystemRef === d.ref)
        .map(v => ({
          version: v.version,
          status: v.status,
          approvedAt: v.approvedAt?.toISOString() ?? null,
          // as the workflow sets it on approval, from the content's next review date
          reviewDue:
            v.status === 'approved'
              ? new Date(
                  `${v.content.nextReviewDate}T00:00:00.000Z`,
                ).toISOString()
              : null,
        }));
      return {
        ...d,
        impactAssessmentStatus: summarizeImpactAssessment(facts, NOW).status,
      };
    });
    // the store keeps each component/environment's latest report
    const latest = new Map<string, (typeof reports)[number]>();
    for (const r of reports) latest.set(`${r.component}\n${r.environment}`, r);
    const observations = [...latest.values()].flatMap(r =>
      deploymentReportToObservations(normalizeDeploymentReport(r)),
    );
    const findings = reconcile(
      declared,
      observations,
      [{ sourceId: 'deployment-reports', status: 'healthy' }],
      {
        now: NOW,
        gracePeriodMs: 3600_000,
      },
    );
    expect(
      findings.map(f => [
        f.entityRef,
        f.type,
        f.aiSystemRef ?? (f.evidence as any).model,
        f.environment,
        f.severity,
      ]),
    ).toEqual([
      // the credit model moved out of loan-origination-api; the inventory still declares it
      [
        'component:default/loan-origination-api',
        'declared-not-observed',
        'aisystem:default/credit-risk-scorer',
        'production',
        'high',
      ],
      // the prohibited emotion-recognition pilot is running again (retired, it owes no
      // impact assessment: retired-but-running only)
      [
        'component:default/contact-centre-platform',
        'retired-but-running',
        'aisystem:default/agent-emotion-monitor',
        'production',
        'critical',
      ],
      [
        'component:default/contact-centre-platform',
        'unassessed-in-production',
        'aisystem:default/call-summariser',
        'production',
        'high',
      ],
      // a model no AI system declares
      [
        'component:default/claims-portal',
        'undeclared-ai-usage',
        'gpt-4o-mini',
        'production',
        'high',
      ],
      // seen in the service's OpenTelemetry GenAI metrics (prometheus-genai), declared nowhere
      [
        'component:default/mobile-bff',
        'undeclared-ai-usage',
        'gpt-4.1-mini',
        'production',
        'high',
      ],
      // 3.3.0 promoted to production where 3.2.0 is declared
      [
        'component:default/card-authorisation-service',
        'version-mismatch',
        'aisystem:default/fraud-scorer',
        'production',
        'medium',
      ],
    ]);
  });
});

describe('parseExampleRisks', () => {
  const risk = (extra: Record<string, unknown> = {}) => ({
    aiSystem: 'churn-model',
    title: 'Biased churn scores',
    description: 'Scores may disadvantage some customer groups',
    inherent: { likelihood: 4, impact: 4 },
    residual: { likelihood: 3, impact: 4 },
    treatment: 'mitigate',
    actions: [
      {
        description: 'Fairness test',
        owner: 'alice',
        dueInDays: 30,
        status: 'open',
      },
    ],
    riskOwner: 'alice',
    ...extra,
  });

  it('names file, index and field on bad data', () => {
    const bad = () =>
      parseExampleRisks(
        [{ aiSystem: 'x', title: 'T' }],
        'risks.yaml',
        NOW,
        DEFAULT_RISK_MATRIX,
      );
    expect(bad).toThrow(ExampleDataError);
    expect(bad).toThrow(/^risks\.yaml: \[0\]: .*description is required/);
  });

  it('raises each risk by its owner, on the sign-off day unless createdDaysAgo says otherwise', () => {
    const [signed, created, plain] = parseExampleRisks(
      [
        risk({ signedOffBy: 'alice', signedOffDaysAgo: 10 }),
        risk({
          signedOffBy: 'alice',
          signedOffDaysAgo: 10,
          createdDaysAgo: 40,
        }),
        risk(),
      ],
      FILE,
      NOW,
      DEFAULT_RISK_MATRIX,
    );
    expect(signed).toMatchObject({
      aiSystemRef: 'aisystem:default/churn-model',
      createdBy: 'user:default/alice',
      createdAt: new Date('2026-11-19T12:00:00.000Z'),
      signOff: {
        by: 'user:default/alice',
        at: new Date('2026-11-19T12:00:00.000Z'),
      },
      input: {
        riskOwner: 'user:default/alice',
        controls: [],
        actions: [
          expect.objectContaining({
            owner: 'user:default/alice',
            dueDate: '2026-12-29',
          }),
        ],
      },
    });
    expect(signed.input).not.toHaveProperty('signedOffBy');
    expect(created.createdAt).toEqual(new Date('2026-10-20T12:00:00.000Z'));
    expect(plain.createdAt).toEqual(NOW);
    expect(plain.signOff).toBeUndefined();
    expect(() =>
      parseExampleRisks(
        [
          risk({
            signedOffBy: 'alice',
            signedOffDaysAgo: 10,
            createdDaysAgo: 5,
          }),
        ],
        FILE,
        NOW,
        DEFAULT_RISK_MATRIX,
      ),
    ).toThrow(`${FILE}: [0].createdDaysAgo: must not be after the sign-off`);
  });
});

/**
 * The example records name real people of examples/org.yaml, in the roles the workflow and the
 * example permission policy give them: approvers are members of the compliance group
 * (ai-governance) other than the author, and the risk owner signs off.
 */
describe('the example records and the example organisation', () => {
  const org = parseAllDocuments(
    fs.readFileSync(path.join(EXAMPLES, 'org.yaml'), 'utf8'),
  )
    .map(d => d.toJS())
    .filter(Boolean);
  const users = new Map<string, string[]>(
    org
      .filter((e: any) => e.kind === 'User')
      .map((e: any) => [
        `user:default/${e.metadata.name}`,
        (e.spec.memberOf ?? []) as string[],
      ]),
  );
  const read = (f: string) =>
    parse(fs.readFileSync(path.join(EXAMPLES, 'aims', f), 'utf8'));
  const versions = parseExampleAssessments(
    read('impact-assessments.yaml'),
    'impact-assessments.yaml',
    NOW,
  );
  const risks = parseExampleRisks(
    read('risks.yaml'),
    'risks.yaml',
    NOW,
    DEFAULT_RISK_MATRIX,
  );

  it('has approvers from ai-governance who are not the author', () => {
    const approved = versions.filter(v => v.status === 'approved');
    expect(approved.length).toBeGreaterThan(0);
    for (const v of approved) {
      expect([v.aiSystemRef, users.get(v.approvedBy!)]).toEqual([
        v.aiSystemRef,
        expect.arrayContaining(['ai-governance']),
      ]);
      expect(v.approvedBy).not.toBe(v.author);
    }
  });

  it('names only users of the example organisation', () => {
    const people = [
      ...versions.flatMap(v => [v.author, v.submittedBy, v.approvedBy]),
      ...risks.flatMap(r => [r.createdBy, r.signOff?.by, r.input.riskOwner]),
    ].filter((p): p is string => !!p);
    expect(people.filter(p => !users.has(p))).toEqual([]);
  });

  it('has every sign-off by the risk owner, after the risk was raised', () => {
    for (const r of risks.filter(x => x.signOff)) {
      expect(r.signOff!.by).toBe(r.input.riskOwner);
      expect(r.signOff!.at.getTime()).toBeGreaterThanOrEqual(
        r.createdAt.getTime(),
      );
    }
  });
});

describe('parseExampleAssessments', () => {
  // a complete assessment (the fixture's approved version), as approval requires
  const content = parse(
    fs.readFileSync(
      path.join(__dirname, '__fixtures__/organisation/impact-assessments.yaml'),
      'utf8',
    ),
  )[0].versions[0].content;
  const version = (extra: Record<string, unknown>) => ({
    status: 'draft',
    author: 'alice',
    createdDaysAgo: 10,
    nextReviewInDays: 300,
    content,
    ...extra,
  });

  it.each([
    [
      [
        version({
          status: 'in-review',
          createdDaysAgo: 5,
          submittedDaysAgo: 8,
        }),
      ],
      '[0].versions[0].submittedDaysAgo: must not be before the step that comes first in the workflow',
    ],
    [
      [
        version({
          status: 'approved',
          submittedDaysAgo: 9,
          approvedDaysAgo: 8,
          approvedBy: 'carol',
        }),
        version({ createdDaysAgo: 9 }),
      ],
      '[0].versions[1].createdDaysAgo: must not be before the previous version was approved',
    ],
    [
      [version({}), version({ createdDaysAgo: 2 })],
      '[0].versions[0].status: must be approved: a later version starts only after this one is approved',
    ],
  ])('keeps the workflow order of the steps: %j', (versions, message) => {
    expect(() =>
      parseExampleAssessments(
        [{ aiSystem: 'churn-model', versions }],
        FILE,
        NOW,
      ),
    ).toThrow(`${FILE}: ${message}`);
  });
});
