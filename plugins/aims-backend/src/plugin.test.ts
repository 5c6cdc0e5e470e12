import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { InventoryItem } from '@aims-backstage/backstage-plugin-aims-common';
import { Knex } from 'knex';
import request from 'supertest';
import aimsPlugin from './index';
import { FindingStore } from './findings/FindingStore';
import { ImpactAssessmentStore } from './assessments/ImpactAssessmentStore';
import {
  aiSystem,
  databaseFactory,
  group,
  locationAnnotations,
  testEntitiesModule,
  waitFor,
  waitForCatalog,
} from './testing/testHarness';
import { aimsResponseValidation } from './__testUtils__/responseValidator';

jest.setTimeout(120_000);

const component = (
  name: string,
  spec: Record<string, unknown> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: locationAnnotations() },
  spec: { type: 'service', lifecycle: 'production', owner: 'risk-ml', ...spec },
});

const entities: Entity[] = [
  group('risk-ml'),
  group('cx-team'),
  group('archive-team'),
  component('payments-api'),
  component('support-portal', { owner: 'cx-team' }),
  component('plain-service'),
  // the other direction: a Component declares that it uses an AI system
  component('checkout-web', { dependsOn: ['aisystem:fraud-scorer'] }),
  aiSystem(
    'fraud-scorer',
    {
      type: 'ml-model',
      lifecycle: 'production',
      owner: 'group:default/risk-ml',
      purpose: 'Scores card payments for fraud likelihood',
      dependencyOf: ['component:default/payments-api'],
      euAiAct: { tier: 'high-risk', annexIIIArea: 'III.5' },
    },
    { title: 'Fraud scorer' },
  ),
  aiSystem(
    'support-bot',
    {
      type: 'llm-application',
      lifecycle: 'experimental',
      owner: 'cx-team',
      purpose: 'Customer support chat',
      role: 'deployer',
      dependencyOf: ['support-portal'],
      euAiAct: { tier: 'limited-risk' },
    },
    {
      title: 'Support assistant, "beta"',
      description: 'Answers customer questions with an LLM',
    },
  ),
  aiSystem('churn-model', {
    type: 'ml-model',
    lifecycle: 'production',
    owner: 'risk-ml',
    purpose: 'Predicts customer churn',
  }),
  aiSystem(
    'cv-screener',
    {
      type: 'agent',
      lifecycle: 'retired',
      owner: 'group:default/cx-team',
      purpose: 'Ranks job applicants',
      euAiAct: { tier: 'high-risk', annexIIIArea: 'III.4' },
    },
    { title: 'CV screener' },
  ),
  aiSystem(
    'legacy-rules',
    {
      type: 'rule-based',
      lifecycle: 'deprecated',
      owner: 'risk-ml',
      purpose: 'Blocks known bad merchants',
      dependencyOf: ['payments-api'],
      euAiAct: { tier: 'unclassified' },
    },
    { title: 'Legacy rules' },
  ),
  // retired and never assessed: owes no assessment, so not-required (not missing)
  aiSystem('voice-bot', {
    type: 'agent',
    lifecycle: 'retired',
    owner: 'archive-team',
    purpose: 'Took phone orders',
    euAiAct: { tier: 'limited-risk' },
  }),
];

const ALL = [
  'churn-model',
  'cv-screener',
  'fraud-scorer',
  'legacy-rules',
  'support-bot',
  'voice-bot',
];

const testEntities = testEntitiesModule(entities);

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

const DAY = 24 * 3600 * 1000;

// every answer of the aims plugin is checked against the OpenAPI spec (fails the test)
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())('aims backend on %s', databaseId => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let knex: Knex;
  const auth = { Authorization: mockCredentials.user.header() };
  const get = (path: string) => request(backend.server).get(path).set(auth);
  const names = (items: InventoryItem[]) =>
    items.map(i => i.entityRef.split('/')[1]);

  beforeAll(async () => {
    knex = await databases.init(databaseId);
    const catalogKnex = await databases.init(databaseId);
    backend = await startTestBackend({
      features: [
        aimsPlugin,
        specResponses.module,
        catalogPlugin,
        catalogModuleAims,
        testEntities,
        databaseFactory({ aims: knex, catalog: catalogKnex }),
        // requests without credentials are unauthenticated (the mock default is a user)
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });

    // wait until the catalog has processed and stitched everything, both relation directions
    await waitForCatalog(
      () =>
        get('/api/catalog/entities/by-query?filter=kind=aisystem&limit=100'),
      items => {
        if (items.length !== ALL.length) return false;
        const ok = items.every(e =>
          e.relations?.some(r => r.type === 'ownedBy'),
        );
        const fraud = items.find(e => e.metadata.name === 'fraud-scorer');
        const stitched = fraud?.relations?.some(
          r =>
            r.type === 'dependencyOf' &&
            r.targetRef === 'component:default/checkout-web',
        );
        return Boolean(ok && stitched);
      },
      'catalog to stitch the AI systems',
      { attempts: 600 },
    );
    await waitFor(
      async () => {
        const res = await get(
          '/api/catalog/entities/by-name/component/default/checkout-web',
        );
        return res.body?.relations?.some((r: any) => r.type === 'dependsOn')
          ? true
          : undefined;
      },
      'catalog to stitch checkout-web',
      { attempts: 600 },
    );

    const now = Date.now();
    const assessments = new ImpactAssessmentStore(knex);
    // fraud-scorer: latest (v2) approved, review due in the future
    await assessments.insert({
      aiSystemRef: 'aisystem:default/fraud-scorer',
      version: 1,
      status: 'draft',
    });
    await assessments.insert({
      aiSystemRef: 'aisystem:default/fraud-scorer',
      version: 2,
      status: 'approved',
      approvedBy: 'user:default/ciso',
      approvedAt: new Date(now - 10 * DAY),
      reviewDue: new Date(now + 300 * DAY),
    });
    // churn-model: approved but the review date has passed
    await assessments.insert({
      aiSystemRef: 'aisystem:default/churn-model',
      version: 1,
      status: 'approved',
      approvedAt: new Date(now - 400 * DAY),
      reviewDue: new Date(now - DAY),
    });
    await assessments.insert({
      aiSystemRef: 'aisystem:default/support-bot',
      version: 1,
      status: 'draft',
    });
    // cv-screener: v1 approved, v2 in review -> the approved v1 stays in force
    await assessments.insert({
      aiSystemRef: 'aisystem:default/cv-screener',
      version: 1,
      status: 'approved',
      approvedAt: new Date(now - 100 * DAY),
      reviewDue: new Date(now + 100 * DAY),
    });
    await assessments.insert({
      aiSystemRef: 'aisystem:default/cv-screener',
      version: 2,
      status: 'in-review',
    });
    // legacy-rules: none -> missing

    const findings = new FindingStore(knex);
    await findings.insert({
      findingKey:
        'monitoring-threshold-breached:aisystem:default/fraud-scorer:auc',
      type: 'monitoring-threshold-breached',
      entityRef: 'aisystem:default/fraud-scorer',
      aiSystemRef: 'aisystem:default/fraud-scorer',
      severity: 'critical',
      status: 'open',
    });
    await findings.insert({
      findingKey:
        'version-mismatch:component:default/payments-api:fraud-scorer:production',
      type: 'version-mismatch',
      entityRef: 'component:default/payments-api',
      aiSystemRef: 'aisystem:default/fraud-scorer',
      environment: 'production',
      severity: 'high',
      status: 'acknowledged',
    });
    await findings.insert({
      findingKey: 'monitoring-stale:aisystem:default/fraud-scorer:latency',
      type: 'monitoring-stale',
      entityRef: 'aisystem:default/fraud-scorer',
      severity: 'medium',
      status: 'resolved',
    });
    await findings.insert({
      findingKey: 'monitoring-stale:aisystem:default/support-bot:toxicity',
      type: 'monitoring-stale',
      entityRef: 'aisystem:default/support-bot',
      severity: 'low',
      status: 'snoozed',
    });
    await findings.insert({
      findingKey: 'impact-assessment-not-approved:aisystem:default/support-bot',
      type: 'impact-assessment-not-approved',
      entityRef: 'aisystem:default/support-bot',
      severity: 'medium',
      status: 'open',
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  describe('authentication', () => {
    it.each([
      '/api/aims/inventory',
      '/api/aims/status/aisystem/default/fraud-scorer',
    ])('rejects %s without credentials with 401', async path => {
      const res = await request(backend.server).get(path);
      expect(res.status).toBe(401);
      const none = await request(backend.server)
        .get(path)
        .set('Authorization', mockCredentials.none.header());
      expect(none.status).toBe(401);
      const bad = await request(backend.server)
        .get(path)
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(bad.status).toBe(401);
    });

    it('accepts service credentials', async () => {
      const res = await request(backend.server)
        .get('/api/aims/inventory')
        .set('Authorization', `Bearer ${mockCredentials.service.token()}`);
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(ALL.length);
    });
  });

  describe('GET /inventory', () => {
    it('lists every AI system with its roll-up, ordered by name', async () => {
      const res = await get('/api/aims/inventory');
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(6);
      expect(names(res.body.items)).toEqual(ALL);
      const byName = new Map<string, InventoryItem>(
        res.body.items.map((i: InventoryItem) => [
          i.entityRef.split('/')[1],
          i,
        ]),
      );
      expect(byName.get('fraud-scorer')).toEqual({
        entityRef: 'aisystem:default/fraud-scorer',
        title: 'Fraud scorer',
        owner: 'group:default/risk-ml',
        lifecycle: 'production',
        type: 'ml-model',
        euAiActTier: 'high-risk',
        components: [
          'component:default/checkout-web',
          'component:default/payments-api',
        ],
        impactAssessment: {
          status: 'approved',
          approvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          reviewDue: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
        findings: { open: 2, critical: 1, high: 1 },
        // no control mapped to it nor named by one of its risks
        controls: { applicable: 0, implementedWithEvidence: 0 },
      });
      expect(byName.get('churn-model')).toMatchObject({
        title: 'churn-model',
        owner: 'group:default/risk-ml',
        euAiActTier: 'unclassified',
        components: [],
        impactAssessment: { status: 'review-overdue' },
        findings: { open: 0, critical: 0, high: 0 },
      });
      expect(byName.get('support-bot')).toMatchObject({
        owner: 'group:default/cx-team',
        components: ['component:default/support-portal'],
        impactAssessment: {
          status: 'draft',
          approvedAt: null,
          reviewDue: null,
        },
        findings: { open: 1, critical: 0, high: 0 },
      });
      expect(byName.get('cv-screener')?.impactAssessment.status).toBe(
        'approved',
      );
      expect(byName.get('legacy-rules')).toMatchObject({
        euAiActTier: 'unclassified',
        components: ['component:default/payments-api'],
        impactAssessment: {
          status: 'missing',
          approvedAt: null,
          reviewDue: null,
        },
      });
      expect(byName.get('voice-bot')).toMatchObject({
        lifecycle: 'retired',
        impactAssessment: {
          status: 'not-required',
          approvedAt: null,
          reviewDue: null,
        },
      });
    });

    it.each([
      ['owner=risk-ml', ['churn-model', 'fraud-scorer', 'legacy-rules']],
      ['owner=group:default/cx-team', ['cv-screener', 'support-bot']],
      ['owner=group:default/nobody', []],
      ['lifecycle=production', ['churn-model', 'fraud-scorer']],
      ['tier=high-risk', ['cv-screener', 'fraud-scorer']],
      ['tier=unclassified', ['churn-model', 'legacy-rules']],
      ['tier=prohibited', []],
      ['type=llm-application', ['support-bot']],
      ['q=applicants', ['cv-screener']],
      ['q=FRAUD', ['fraud-scorer']],
      ['q=customer', ['churn-model', 'support-bot']],
      ['q=assistant', ['support-bot']],
      ['status=approved', ['cv-screener', 'fraud-scorer']],
      ['status=review-overdue', ['churn-model']],
      ['status=draft', ['support-bot']],
      ['status=in-review', []],
      // a retired system without an assessment is not missing one
      ['status=missing', ['legacy-rules']],
      ['status=not-required', ['voice-bot']],
      ['status=not-required&tier=limited-risk', ['voice-bot']],
      ['status=not-required&tier=high-risk', []],
      ['lifecycle=retired', ['cv-screener', 'voice-bot']],
      ['status=approved&owner=cx-team', ['cv-screener']],
      // a retired system's overdue approval shows as approved (the lifecycle filter too)
      ['status=approved&lifecycle=Retired', ['cv-screener']],
      ['status=review-overdue&lifecycle=production', ['churn-model']],
      ['status=review-overdue&lifecycle=retired', []],
      ['status=approved&tier=high-risk', ['cv-screener', 'fraud-scorer']],
      [
        'owner=risk-ml&lifecycle=production&tier=unclassified&type=ml-model&q=churn',
        ['churn-model'],
      ],
    ])('filters with %s', async (query, expected) => {
      const res = await get(`/api/aims/inventory?${query}`);
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      expect(names(res.body.items)).toEqual(expected);
      expect(res.body.totalCount).toBe(expected.length);
    });

    it('pages with limit and offset, keeping totalCount', async () => {
      const pages = [];
      for (const offset of [0, 2, 4]) {
        const res = await get(`/api/aims/inventory?limit=2&offset=${offset}`);
        expect(res.status).toBe(200);
        expect(res.body.totalCount).toBe(6);
        pages.push(names(res.body.items));
      }
      expect(pages).toEqual([
        ['churn-model', 'cv-screener'],
        ['fraud-scorer', 'legacy-rules'],
        ['support-bot', 'voice-bot'],
      ]);
      const beyond = await get('/api/aims/inventory?offset=10');
      expect(beyond.body).toEqual({ items: [], totalCount: 6 });
    });

    it('pages the status filter too', async () => {
      const res = await get(
        '/api/aims/inventory?status=missing&limit=1&offset=0',
      );
      expect(res.body).toMatchObject({ totalCount: 1 });
      expect(names(res.body.items)).toEqual(['legacy-rules']);
      const none = await get(
        '/api/aims/inventory?status=missing&limit=1&offset=1',
      );
      expect(none.body).toEqual({ items: [], totalCount: 1 });
    });

    it('exports CSV with a header row, quoting and the same filters', async () => {
      const res = await get('/api/aims/inventory?format=csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="ai-inventory.csv"',
      );
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'entityRef,title,owner,lifecycle,type,euAiActTier,components,impactAssessmentStatus,impactAssessmentApprovedAt,impactAssessmentReviewDue,openFindings,criticalFindings,highFindings,controlsApplicable,controlsImplementedWithEvidence',
      );
      expect(lines).toHaveLength(7);
      expect(lines[5]).toBe(
        'aisystem:default/support-bot,"Support assistant, ""beta""",group:default/cx-team,experimental,llm-application,limited-risk,component:default/support-portal,draft,,,1,0,0,0,0',
      );
      expect(lines[3]).toMatch(
        /^aisystem:default\/fraud-scorer,Fraud scorer,group:default\/risk-ml,production,ml-model,high-risk,component:default\/checkout-web;component:default\/payments-api,approved,\d{4}-[^,]+,\d{4}-[^,]+,2,1,1,0,0$/,
      );

      const filtered = await get(
        '/api/aims/inventory?format=csv&owner=cx-team&limit=1',
      );
      const rows = filtered.text.trimEnd().split('\r\n');
      expect(rows).toHaveLength(2);
      expect(rows[1]).toMatch(/^aisystem:default\/cv-screener,CV screener,/);

      const byStatus = await get(
        '/api/aims/inventory?format=csv&status=review-overdue',
      );
      expect(byStatus.text.trimEnd().split('\r\n').slice(1)).toEqual([
        expect.stringMatching(
          /^aisystem:default\/churn-model,churn-model,.*,review-overdue,/,
        ),
      ]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=2.5', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=x', 'offset'],
      ['tier=very-risky', 'tier'],
      ['status=done', 'status'],
      ['format=xml', 'format'],
      ['owner=group:', 'owner'],
      ['colour=blue', 'colour'],
    ])('rejects %s with 400 naming %s', async (query, param) => {
      const res = await get(`/api/aims/inventory?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(param);
    });
  });

  describe('GET /inventory/counts', () => {
    it('counts by status and tier, each equal to what the inventory lists for it', async () => {
      const res = await get('/api/aims/inventory/counts');
      expect(res.body.error).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(6);
      expect(res.body.byStatus).toEqual({
        missing: 1,
        draft: 1,
        'in-review': 0,
        approved: 2,
        'review-overdue': 1,
        'not-required': 1,
      });
      for (const [tier, count] of Object.entries(res.body.byTier)) {
        const listed = await get(`/api/aims/inventory?tier=${tier}&limit=1`);
        expect([tier, listed.body.totalCount]).toEqual([tier, count]);
      }
      for (const [status, count] of Object.entries(res.body.byStatus)) {
        const listed = await get(
          `/api/aims/inventory?status=${status}&limit=1`,
        );
        expect([status, listed.body.totalCount]).toEqual([status, count]);
      }
      const tiers = Object.values(res.body.byTier) as number[];
      expect(tiers.reduce((a, b) => a + b, 0)).toBe(6);
    });

    it('facets: statuses under the tier filter, tiers under the status filter, scope filters apply', async () => {
      const res = await get(
        '/api/aims/inventory/counts?tier=high-risk&status=approved',
      );
      expect(res.status).toBe(200);
      const highRisk = await get('/api/aims/inventory?tier=high-risk');
      expect(res.body.totalCount).toBe(2);
      expect(
        Object.values(res.body.byStatus as Record<string, number>).reduce(
          (a, b) => a + b,
          0,
        ),
      ).toBe(highRisk.body.totalCount);
      expect(res.body.byTier['high-risk']).toBe(2);

      const scoped = await get('/api/aims/inventory/counts?owner=cx-team');
      const listed = await get('/api/aims/inventory?owner=cx-team');
      expect(scoped.body.totalCount).toBe(listed.body.totalCount);
    });

    it('rejects bad filters with 400 naming them, and needs credentials', async () => {
      const bad = await get('/api/aims/inventory/counts?tier=scary');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('tier');
      const anonymous = await request(backend.server).get(
        '/api/aims/inventory/counts',
      );
      expect(anonymous.status).toBe(401);
    });
  });

  describe('GET /status', () => {
    it('returns the status of an AI system (kind is case-insensitive)', async () => {
      for (const kind of ['aisystem', 'AISystem']) {
        const res = await get(`/api/aims/status/${kind}/default/fraud-scorer`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          entityRef: 'aisystem:default/fraud-scorer',
          kind: 'aisystem',
          title: 'Fraud scorer',
          type: 'ml-model',
          lifecycle: 'production',
          euAiActTier: 'high-risk',
          impactAssessment: {
            status: 'approved',
            approvedAt: expect.any(String),
            reviewDue: expect.any(String),
          },
          findings: { open: 2, critical: 1, high: 1 },
          controls: { applicable: 0, implementedWithEvidence: 0 },
          health: 'at-risk',
        });
      }
    });

    it.each([
      ['churn-model', 'at-risk'], // production with an overdue review
      ['support-bot', 'attention'], // draft assessment, open finding
      ['legacy-rules', 'attention'], // missing, but not weighty
      ['cv-screener', 'ok'], // retired without findings
      ['voice-bot', 'ok'], // retired, never assessed: owes nothing
    ])('health of %s is %s', async (name, health) => {
      const res = await get(`/api/aims/status/aisystem/default/${name}`);
      expect(res.status).toBe(200);
      expect(res.body.health).toBe(health);
    });

    it('answers not-required for a retired system without an assessment', async () => {
      const res = await get('/api/aims/status/aisystem/default/voice-bot');
      expect(res.status).toBe(200);
      expect(res.body.impactAssessment).toEqual({
        status: 'not-required',
        approvedAt: null,
        reviewDue: null,
      });
    });

    it('rolls up a Component over the AI systems it uses (both directions)', async () => {
      const res = await get('/api/aims/status/component/default/payments-api');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        entityRef: 'component:default/payments-api',
        kind: 'component',
        findings: { open: 2, critical: 1, high: 1 },
        health: 'at-risk',
      });
      expect(res.body.aiSystems.map((s: any) => s.entityRef).sort()).toEqual([
        'aisystem:default/fraud-scorer',
        'aisystem:default/legacy-rules',
      ]);

      const checkout = await get(
        '/api/aims/status/Component/default/checkout-web',
      );
      expect(checkout.status).toBe(200);
      expect(checkout.body.aiSystems.map((s: any) => s.entityRef)).toEqual([
        'aisystem:default/fraud-scorer',
      ]);
      expect(checkout.body.health).toBe('at-risk');

      const portal = await get(
        '/api/aims/status/component/default/support-portal',
      );
      expect(portal.body).toMatchObject({
        findings: { open: 1, critical: 0, high: 0 },
        health: 'attention',
      });
    });

    it('reports not-applicable for a Component without AI', async () => {
      const res = await get('/api/aims/status/component/default/plain-service');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        entityRef: 'component:default/plain-service',
        kind: 'component',
        aiSystems: [],
        findings: { open: 0, critical: 0, high: 0 },
        health: 'not-applicable',
      });
    });

    it('answers 404 for an unknown entity', async () => {
      const res = await get(
        '/api/aims/status/component/default/does-not-exist',
      );
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      expect(res.body.error.message).toContain(
        'component:default/does-not-exist',
      );
    });
  });
});
