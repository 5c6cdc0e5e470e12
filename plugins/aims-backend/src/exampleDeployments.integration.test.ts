import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import catalogModuleAims from '@aims-backstage/backstage-plugin-catalog-backend-module-aims';
import { Knex } from 'knex';
import path from 'node:path';
import request from 'supertest';
import aimsPlugin from './index';
import {
  aiSystem,
  databaseFactory,
  group,
  locationAnnotations,
  testEntitiesModule,
  user,
  waitFor,
} from './testing/testHarness';

jest.setTimeout(180_000);

const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: locationAnnotations() },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/risk-ml',
  },
});

const testEntities = testEntitiesModule(
  [
    group('risk-ml'),
    user('alice', ['risk-ml']),
    component('payments-api'),
    component('chat-api'),
    aiSystem('fraud-scorer', {
      owner: 'group:default/risk-ml',
      dependencyOf: ['component:default/payments-api'],
      models: [{ name: 'fraud-xgb', version: '3.2.0', provider: 'in-house' }],
      deployments: [{ environment: 'production' }],
    }),
    aiSystem('legacy-bot', {
      owner: 'group:default/risk-ml',
      lifecycle: 'retired',
      dependencyOf: ['component:default/chat-api'],
    }),
  ],
  { name: 'example-deployments-entities', locationKey: 'example-deployments' },
);

const noNotifications = createServiceFactory({
  service: notificationService,
  deps: {},
  factory: () => ({ async send() {} }),
});

const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

describe.each(databases.eachSupportedId())(
  'aims example deployments on %s',
  databaseId => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let knex: Knex;
    const alice = {
      Authorization: mockCredentials.user.header('user:default/alice'),
    };

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      backend = await startTestBackend({
        features: [
          aimsPlugin,
          catalogPlugin,
          catalogModuleAims,
          testEntities,
          noNotifications,
          databaseFactory({
            aims: knex,
            catalog: await databases.init(databaseId),
          }),
          mockServices.rootConfig.factory({
            data: {
              aims: {
                exampleData: {
                  directory: path.resolve(
                    __dirname,
                    '../test/fixtures/example-deployments',
                  ),
                },
                // the scheduled tasks stay out of the way: only the post-load reconcile runs
                drift: {
                  schedule: {
                    frequency: { hours: 24 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                },
                findings: {
                  schedule: {
                    frequency: { hours: 24 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                },
              },
            },
          }),
        ],
      });
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('ingests the reports oldest first as the example-data actor', async () => {
      const reports = await knex('aims_deployment_reports')
        .select('id', 'received_by')
        .orderBy('received_at');
      expect(reports).toEqual([
        { id: 'fixture-payments-1', received_by: 'aims:example-data' },
        { id: 'fixture-chat-1', received_by: 'aims:example-data' },
        { id: 'fixture-payments-2', received_by: 'aims:example-data' },
      ]);
      const observations = await knex('aims_observations')
        .select('component', 'ai_system_ref', 'model', 'version')
        .orderBy(['component', 'target_key']);
      expect(observations).toEqual([
        {
          component: 'component:default/chat-api',
          ai_system_ref: 'aisystem:default/legacy-bot',
          model: null,
          version: null,
        },
        {
          component: 'component:default/chat-api',
          ai_system_ref: null,
          model: 'gpt-4o-mini',
          version: null,
        },
        {
          // the later report replaced the earlier one
          component: 'component:default/payments-api',
          ai_system_ref: 'aisystem:default/fraud-scorer',
          model: 'fraud-xgb',
          version: '3.3.0',
        },
      ]);
      const sources = await request(backend.server)
        .get('/api/aims/sources')
        .set(alice);
      expect(sources.status).toBe(200);
      expect(JSON.stringify(sources.body)).toContain('deployment-reports');
    });

    it('reconciles drift and compliance findings once the catalog has the entities', async () => {
      const open = async () =>
        (
          await knex('aims_findings')
            .where('status', 'open')
            .select('type', 'entity_ref', 'ai_system_ref', 'environment')
        )
          .map(
            f =>
              `${f.type} ${f.entity_ref} ${f.ai_system_ref ?? '-'} ${
                f.environment ?? '-'
              }`,
          )
          .sort();
      const expected = [
        'missing-impact-assessment aisystem:default/fraud-scorer aisystem:default/fraud-scorer -',
        'retired-but-running component:default/chat-api aisystem:default/legacy-bot production',
        'unassessed-in-production component:default/chat-api aisystem:default/legacy-bot production',
        'unassessed-in-production component:default/payments-api aisystem:default/fraud-scorer production',
        'undeclared-ai-usage component:default/chat-api - production',
        'version-mismatch component:default/payments-api aisystem:default/fraud-scorer production',
      ];
      let last: string[] = [];
      await waitFor(async () => {
        last = await open();
        return last.length >= expected.length ? true : undefined;
      }, 'the example findings').catch(e => {
        throw new Error(`${e.message}: ${JSON.stringify(last)}`);
      });
      expect(await open()).toEqual(expected);
    });

    it('keeps ids as idempotency keys: the stored report posted again is a duplicate', async () => {
      const row = await knex('aims_deployment_reports')
        .where({ id: 'fixture-payments-2' })
        .first();
      const res = await request(backend.server)
        .post('/api/aims/deployments')
        .set(alice)
        .send(JSON.parse(row.report));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: 'fixture-payments-2',
        duplicate: true,
      });
    });
  },
);
