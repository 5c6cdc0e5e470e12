/*
 * The status filter and the counts read which AI systems are in scope from the catalog's
 * entity facets (CatalogScope) instead of scanning them. Facets count names, not refs, and
 * give lifecycle values, not each system's: this organisation has the same name in two
 * namespaces, retired systems spelt two ways and systems without a tier, and every answer is
 * checked against the expected refs and against the scan path (a free-text filter matching
 * every system takes it), which reads each system's lifecycle and tier from its entity. The
 * statuses only systems that owe an assessment can have (`missing`, `review-overdue`) read the
 * scope without its retired systems, where `retired ` spelt with a space must still be left
 * out. The facets serve PostgreSQL; on SQLite the inventory scans, and the same answers hold.
 */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  EU_AI_ACT_TIERS,
  IMPACT_ASSESSMENT_STATUSES,
} from '@aims-backstage/backstage-plugin-aims-common';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import request from 'supertest';
import aimsPlugin from '../index';
import {
  ImpactAssessmentStore,
  NewImpactAssessment,
} from '../assessments/ImpactAssessmentStore';
import {
  aiSystem,
  databaseFactory,
  group,
  testEntitiesModule,
  user,
  userInfoFromCatalog,
  waitForCatalog,
} from '../testing/testHarness';
import { aimsResponseValidation } from '../__testUtils__/responseValidator';
import {
  asUser,
  tasksLater,
  testDatabases,
} from '../__testUtils__/testBackend';

jest.setTimeout(240_000);

const owner = 'group:default/compliance';
const system = (
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
): Entity => aiSystem(name, { owner, ...spec }, { namespace });

const entities: Entity[] = [
  group('compliance'),
  user('carol', ['compliance']),
  system('default', 'alpha', { euAiAct: { tier: 'high-risk' } }),
  // the same name in another namespace, retired (spelt as people do)
  system('lab', 'alpha', {
    lifecycle: 'Retired',
    euAiAct: { tier: 'limited-risk' },
  }),
  system('lab', 'beta', {}), // no tier: unclassified
  system('default', 'gamma', {
    lifecycle: 'retired',
    euAiAct: { tier: 'minimal-risk' },
  }),
  system('default', 'delta', {
    lifecycle: 'experimental',
    euAiAct: { tier: 'high-risk' },
  }),
  system('ops', 'delta', { euAiAct: { tier: 'unclassified' } }),
  // retired, spelt with a space the catalog keeps (its filters match it only as written)
  system('lab', 'epsilon', { lifecycle: 'retired ' }),
];

const DAY = 24 * 3600 * 1000;

/** A stored assessment: approved (review due in or past `dueInDays`), or a draft. */
function version(
  aiSystemRef: string,
  status: 'approved' | 'draft',
  dueInDays = 100,
): NewImpactAssessment {
  const now = Date.now();
  return {
    aiSystemRef,
    version: 1,
    status,
    content: { intendedUse: 'test' },
    author: 'user:default/carol',
    createdAt: new Date(now - 30 * DAY),
    ...(status === 'approved'
      ? {
          approvedBy: 'user:default/carol',
          approvedAt: new Date(now - 20 * DAY),
          reviewDue: new Date(now + dueInDays * DAY),
        }
      : {}),
  };
}

/** What each status lists, by the rule (retired systems owe no assessment). */
const EXPECTED: Record<string, string[]> = {
  approved: ['aisystem:default/alpha', 'aisystem:default/gamma'], // gamma: retired, overdue
  'review-overdue': ['aisystem:default/delta'],
  draft: ['aisystem:ops/delta'],
  'in-review': [],
  missing: ['aisystem:lab/beta'],
  'not-required': ['aisystem:lab/alpha', 'aisystem:lab/epsilon'],
};

const databases = testDatabases();
const specResponses = aimsResponseValidation();

describe.each(databases.eachSupportedId())(
  'inventory scope from catalog facets on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    const carol = asUser('carol');
    const get = async (path: string) => {
      const res = await request(backend.server)
        .get(`/api/aims${path}`)
        .set(carol);
      expect([path, res.status]).toEqual([path, 200]);
      return res.body;
    };
    const refs = (body: any) => body.items.map((i: any) => i.entityRef);

    beforeAll(async () => {
      const knex: Knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          specResponses.module,
          catalogPlugin,
          catalogModuleAims,
          testEntitiesModule(entities, { name: 'scope-entities' }),
          userInfoFromCatalog,
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({ data: { aims: tasksLater() } }),
        ],
      });
      const store = new ImpactAssessmentStore(knex);
      for (const stored of [
        version('aisystem:default/alpha', 'approved'),
        version('aisystem:default/gamma', 'approved', -5),
        version('aisystem:default/delta', 'approved', -5),
        version('aisystem:ops/delta', 'draft'),
      ])
        await store.insert(stored);
      await waitForCatalog(
        () =>
          request(backend.server)
            .get('/api/catalog/entities/by-query?filter=kind=aisystem')
            .set(carol),
        items => items.length === 7 && items.every(e => e.relations?.length),
        'the catalog',
      );
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it.each(IMPACT_ASSESSMENT_STATUSES.map(s => [s]))(
      'status=%s lists the systems of that status, as the scan path does',
      async status => {
        const fromFacets = await get(`/inventory?status=${status}`);
        // `q` matches every system here (each purpose says "Purpose of"): the scan path
        const scanned = await get(`/inventory?status=${status}&q=purpose`);
        expect(refs(fromFacets)).toEqual(EXPECTED[status]);
        expect(fromFacets.totalCount).toBe(EXPECTED[status].length);
        expect(fromFacets).toEqual(scanned);
      },
    );

    it('pages the status filter over namespaces in name order', async () => {
      const page = async (offset: number) =>
        refs(await get(`/inventory?status=approved&limit=1&offset=${offset}`));
      expect([await page(0), await page(1), await page(2)]).toEqual([
        ['aisystem:default/alpha'],
        ['aisystem:default/gamma'],
        [],
      ]);
    });

    it.each([
      [''],
      ['?tier=high-risk'],
      ['?tier=unclassified'],
      ['?lifecycle=retired'],
      ['?owner=compliance&tier=limited-risk'],
    ])(
      'counts%s from facets equal the scan path and the lists',
      async filter => {
        const counts = await get(`/inventory/counts${filter}`);
        const scanned = await get(
          `/inventory/counts${filter ? `${filter}&` : '?'}q=purpose`,
        );
        expect(counts).toEqual(scanned);
        const joiner = filter ? `${filter}&` : '?';
        for (const status of IMPACT_ASSESSMENT_STATUSES) {
          const listed = await get(`/inventory${joiner}status=${status}`);
          expect([status, listed.totalCount]).toEqual([
            status,
            counts.byStatus[status],
          ]);
        }
      },
    );

    it('counts every system once, by status and by tier', async () => {
      const counts = await get('/inventory/counts');
      expect(counts.totalCount).toBe(7);
      expect(counts.byStatus).toEqual(
        Object.fromEntries(
          Object.entries(EXPECTED).map(([s, r]) => [s, r.length]),
        ),
      );
      expect(counts.byTier).toEqual({
        ...Object.fromEntries(EU_AI_ACT_TIERS.map(t => [t, 0])),
        'high-risk': 2,
        'limited-risk': 1,
        'minimal-risk': 1,
        unclassified: 3,
      });
    });
  },
);
